"""The DMR's membership management in the Wagtail admin (working methods 1.1, 1.2, 4.9).

`viewsets` lists and edits member states, member profiles and national networks; `views`
adds inviting a member, resending an invitation and resetting a member's second factor.
`wagtail_hooks` only registers them.
"""

"""The network's roles as Django groups, created by a data migration (DESIGN.md, roles)."""

FOCAL_POINTS = "Focal Points"
NETWORK_APPROVERS = "Network approvers"
DMR_SECRETARIAT = "DMR Secretariat"
GUESTS = "Guests"

# 3.1: the network area is for the members of the network and the DMR that runs it (4.9).
MEMBER_GROUPS = (FOCAL_POINTS, NETWORK_APPROVERS, DMR_SECRETARIAT)
ALL_ROLES = (*MEMBER_GROUPS, GUESTS)

# The network root names the guests too, so that Wagtail's own restriction check lets an
# invited guest through to the meeting they are invited to (1.2); the access rule then
# requires a guest to be named by a more specific group on the way (one per meeting).
NETWORK_AREA_GROUPS = ALL_ROLES

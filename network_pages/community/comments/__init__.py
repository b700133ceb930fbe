"""Members' comments on restricted pages: any page type opts in with `CommentablePageMixin`."""

"""Signing in to the network: password, then a one-time password (TOTP or a backup code).

Also enrolment of an authenticator app, backup codes, the member's own account page,
signing out (here or everywhere) and accepting an invitation (DESIGN.md, roles).
"""

"""Community and editorial trust: roles, medical review sign-off, ratings, moderated comments.

One app because these share the role groups (:mod:`symptomdb.community.roles`) and one
audit trail (Wagtail's log entries). Every editorial operation is one action function that
checks permission, changes, logs and signals; the admin views, reader views and tests all
call the same ones:

- :func:`symptomdb.community.signoff.sign_off_review`
- :func:`symptomdb.community.comments.submit_comment` and the moderation actions there
- :func:`symptomdb.community.ratings.record_vote`
"""

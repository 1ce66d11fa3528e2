"""Who may see and change a plan's analyses, as django-rules predicates.

Every analysis of a plan is public: its results derive from the plan's public content. Changing
the inputs (the cross-impact matrix, the actors' influences and positions, the weight sets) is
`people.change_plan_analyses`, held by the plan's analysts and staff (people/rules.py); the pages
ask it with `request.user.has_perm("people.change_plan_analyses", plan)`.
"""

import rules

rules.add_perm("analyses.view_plan_analyses", rules.always_allow)

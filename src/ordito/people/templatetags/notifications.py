"""`{% unread_notifications as count %}`: the logged-in person's unread notifications, for the
header's bell (one query; none for anonymous visitors)."""

from django import template

from ordito.people.selectors import notifications_unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return notifications_unread_count(user=user)

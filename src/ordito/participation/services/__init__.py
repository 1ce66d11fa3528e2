"""Every write of participation: the forum (forum.py) and moderation (moderation.py); proposals
and consultations add their own modules."""

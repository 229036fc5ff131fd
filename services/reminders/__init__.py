"""Reminders: the policy (when), the planner (outbox rows), the periodic jobs (occurrences,
escalation, digest) and the sweep that keeps due rows meaningful."""

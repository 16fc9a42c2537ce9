"""The conversation templates: personal circles, joint forms, value forms and the next steps."""

from facilitator.conversation.circles import CIRCLE_KINDS, CIRCLES, CircleField, CircleTemplate, circle_template
from facilitator.conversation.joint_forms import (
    AMBITION,
    DECISIONS,
    INTERPLAY,
    JOINT_FORMS,
    SCALING_AGREEMENT,
    FormField,
    JointForm,
    joint_form,
)
from facilitator.conversation.value_forms import (
    VALUE_FORM_IDS,
    VALUE_FORMS,
    ValueForm,
    ValueOverview,
    value_form,
    value_overview,
)

__all__ = [
    "AMBITION",
    "CIRCLES",
    "CIRCLE_KINDS",
    "DECISIONS",
    "INTERPLAY",
    "JOINT_FORMS",
    "SCALING_AGREEMENT",
    "VALUE_FORMS",
    "VALUE_FORM_IDS",
    "CircleField",
    "CircleTemplate",
    "FormField",
    "JointForm",
    "ValueForm",
    "ValueOverview",
    "circle_template",
    "joint_form",
    "value_form",
    "value_overview",
]

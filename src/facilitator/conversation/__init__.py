"""The conversation templates of Delsession 1-3: personal circles, joint forms and value forms."""

from facilitator.conversation.circles import CIRCLE_KINDS, CIRCLES, CircleField, CircleTemplate, circle_template
from facilitator.conversation.joint_forms import JOINT_FORMS, FormField, JointForm, joint_form
from facilitator.conversation.value_forms import (
    VALUE_FORM_IDS,
    VALUE_FORMS,
    ValueForm,
    ValueOverview,
    value_form,
    value_overview,
)

__all__ = [
    "CIRCLES",
    "CIRCLE_KINDS",
    "JOINT_FORMS",
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

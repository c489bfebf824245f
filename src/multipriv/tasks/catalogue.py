"""The built-in tasks: importing this module registers all nine (see `multipriv.tasks.registry`)."""

from multipriv.tasks import (  # noqa: F401  (each module registers itself)
    t1_direct,
    t2_indirect,
    t3_extraction,
    t4_localization,
    t5_cross_validation,
    t6_single_step,
    t7_chained,
    t8_reidentification,
    t9_cross_modal,
)

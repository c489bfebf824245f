"""The default population, in one place: `WorldConfig`'s defaults and the CLI's option defaults read these
(this module imports nothing, so `multipriv --help` stays fast)."""

SEED = 0
PERSONS = 100  # core persons: each gets about ten linked images
BACKGROUND = 700  # background persons: one attribute-level image each
ZH_SHARE = 0.5  # share of Chinese-context persons
LOOKALIKE_RATE = 0.25  # share of persons drawn as look-alikes of another

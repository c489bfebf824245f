"""The `ocr` baseline: reading (`reader`), field knowledge (`fields`, `lexicon`), extraction (`extract`), faces
(`faces`), one-step rules (`reason`), cross-image linking (`link`) and the provider (`provider`)."""

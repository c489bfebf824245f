"""The `ocr` and `ocr-rules` baselines. Shared reading: OCR (`reader`), field knowledge (`fields`, `lexicon`),
extraction (`extract`), detection (`detect`), faces (`faces`) and the images as held (`doc`). Reasoning:
generic string, digit and face matching for `ocr` (`generic`); expert rules for `ocr-rules` (`expert`, with
`reason`, `link`, `codes`, `geo`, `pharma`). The providers and the perception handlers: `provider`."""

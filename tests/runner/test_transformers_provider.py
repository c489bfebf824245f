"""The transformers provider on a tiny, randomly initialised LLaVA built in the test: no download, no weights
shipped, so it runs anywhere (CI included). Checks the whole path: processor and model saved and loaded from a
folder offline, the model's own chat template with an image, greedy generation, decoding of new tokens."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
import torch
import transformers
from PIL import Image

import multipriv.runner.transformers_provider  # noqa: F401  (registers the provider)
from multipriv.runner.base import PROVIDERS, ModelSpec, ProviderError, Request
from multipriv.tasks.schema import AnswerType, Item

CHAT_TEMPLATE = (
    "{% for message in messages %}{{ message['role'] }}: "
    "{% if message['content'] is string %}{{ message['content'] }}{% else %}"
    "{% for part in message['content'] %}{% if part['type'] == 'image' %}<image>{% else %}{{ part['text'] }}"
    "{% endif %}{% endfor %}{% endif %}\n{% endfor %}{% if add_generation_prompt %}assistant:{% endif %}"
)
WORDS = ["the", "name", "is", "what", "shown", "image", "answer", "value", "only", "exactly", "as", "in", "of",
         "yes", "no", "user", "assistant", "system", ":", "?", ".", ","]


def _tokenizer(folder: Path) -> transformers.PreTrainedTokenizerFast:
    """A word-level tokenizer over a tiny vocabulary, built offline with `tokenizers`."""
    from tokenizers import Tokenizer, models, pre_tokenizers

    specials = ["<pad>", "<unk>", "<s>", "</s>", "<image>"]
    vocab = {tok: i for i, tok in enumerate(specials + WORDS + [chr(c) for c in range(97, 123)])}
    core = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    core.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.Whitespace()])
    tok = transformers.PreTrainedTokenizerFast(tokenizer_object=core, unk_token="<unk>", pad_token="<pad>",
                                               bos_token="<s>", eos_token="</s>",
                                               extra_special_tokens={"image_token": "<image>"})
    tok.add_special_tokens({"additional_special_tokens": ["<image>"]})
    return tok


def _tiny_llava(folder: Path) -> None:
    tokenizer = _tokenizer(folder)
    vision = transformers.CLIPVisionConfig(hidden_size=16, intermediate_size=32, num_hidden_layers=1,
                                           num_attention_heads=2, image_size=32, patch_size=8, projection_dim=16)
    text = transformers.LlamaConfig(vocab_size=len(tokenizer), hidden_size=16, intermediate_size=32,
                                    num_hidden_layers=1, num_attention_heads=2, num_key_value_heads=2,
                                    max_position_embeddings=256, pad_token_id=tokenizer.pad_token_id,
                                    bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id)
    config = transformers.LlavaConfig(vision_config=vision, text_config=text,
                                      image_token_index=tokenizer.convert_tokens_to_ids("<image>"),
                                      vision_feature_select_strategy="default", vision_feature_layer=-1)
    torch.manual_seed(0)
    model = transformers.LlavaForConditionalGeneration(config).eval()
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    model.generation_config.eos_token_id = tokenizer.eos_token_id
    image_processor = transformers.CLIPImageProcessor(size={"shortest_edge": 32},
                                                      crop_size={"height": 32, "width": 32})
    processor = transformers.LlavaProcessor(image_processor=image_processor, tokenizer=tokenizer, patch_size=8,
                                            vision_feature_select_strategy="default",
                                            num_additional_image_tokens=1, chat_template=CHAT_TEMPLATE)
    model.save_pretrained(folder)
    processor.save_pretrained(folder)


def _item() -> Item:
    return Item(id="t3-test-en", twin_id="t3-test", task=3, level="perception", lang="en",
                images=("images/x.png",), prompt="What is the name shown in the image?\nAnswer with the value only.",
                answer_type=AnswerType.TEXT, gold=("Wang Fang",))


def test_tiny_llava_answers_offline(tmp_path: Path) -> None:
    model_dir = tmp_path / "tiny-llava"
    _tiny_llava(model_dir)
    assert json.loads((model_dir / "config.json").read_text())["model_type"] == "llava"
    image = tmp_path / "x.png"
    Image.new("RGB", (48, 40), (200, 120, 80)).save(image)
    spec = ModelSpec(name="tiny", provider="transformers", path=str(model_dir),
                     params={"max_new_tokens": 8, "device": "cpu", "dtype": "float32"})
    prov = PROVIDERS["transformers"](spec)
    request = Request(item=_item(), system="Protect people's data.", prompt=_item().prompt, images=(image,))

    async def go() -> str:
        try:
            return (await prov.complete(request)).text
        finally:
            await prov.aclose()

    text = asyncio.run(go())
    assert isinstance(text, str) and text.strip()


def test_missing_folder_is_a_provider_error(tmp_path: Path) -> None:
    with pytest.raises(ProviderError):
        PROVIDERS["transformers"](ModelSpec(name="x", provider="transformers"))
    prov = PROVIDERS["transformers"](ModelSpec(name="x", provider="transformers", path=str(tmp_path / "none")))
    request = Request(item=_item(), system=None, prompt="hi", images=())
    with pytest.raises(ProviderError):
        asyncio.run(prov.complete(request))

"""Reads images with sd-parsers, the reader other tools use, and prints one JSON line per file:
what it found of prompt, negative prompt, steps, sampler, CFG scale, seed, size and model."""
import json
import sys

from sd_parsers import ParserManager

manager = ParserManager()
for path in sys.argv[1:]:
    info = manager.parse(path)
    if info is None:
        print(json.dumps({"file": path, "found": False}))
        continue
    sampler = info.samplers[0] if info.samplers else None
    parameters = dict(sampler.parameters) if sampler else {}
    print(json.dumps({
        "file": path,
        "found": True,
        "generator": str(info.generator.value if hasattr(info.generator, "value") else info.generator),
        "prompt": [p.value for p in info.prompts],
        "negative": [p.value for p in info.negative_prompts],
        "sampler": sampler.name if sampler else None,
        "steps": parameters.get("steps"),
        "cfg": parameters.get("cfg_scale"),
        "seed": parameters.get("seed"),
        "model": sampler.model.name if sampler and sampler.model else None,
        "size": info.metadata.get("Size"),
    }))

#!/usr/bin/env python3
"""Benchmark the official Runware Python SDK (`runware-sdk`) against the Darkroom sandbox.

    pip install -r Tests/SDK/requirements.txt
    SANDBOX_URL=http://127.0.0.1:PORT/v1 SANDBOX_KEY=<key> N=100 python3 Benchmarks/sdk_bench.py

Does N sequential sync imageInference requests (512x512, base64Data, JPG, fixed seed) through
the SDK, decoding each base64 result to bytes, and prints one JSON line:

    {"tool":"runware-sdk <version>","requests":N,"wall_ms_per_request":..,"cpu_ms_per_request":..}

Wall time is time.perf_counter, CPU time is time.process_time (whole process); both are
measured after one warm-up request and exclude SDK import and client construction.
`taskType` is passed explicitly so the SDK never consults its model registry (which would
otherwise try https://schemas.runware.ai and, offline, spawn a background refresh per call);
the bytes on the wire are the same either way. Exit code 1 if any request fails or returns
something other than one decodable JPEG.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import sys
import time

try:
    import runware
    from runware import Runware
except ImportError as exc:  # pragma: no cover - setup problem
    print(f"runware-sdk is not importable ({exc}); pip install -r Tests/SDK/requirements.txt", file=sys.stderr)
    sys.exit(2)

PARAMS: dict[str, object] = {
    "taskType": "imageInference",
    "model": "runware:111@1",
    "positivePrompt": "a lighthouse on a cliff at dusk, film photograph",
    "width": 512,
    "height": 512,
    "outputType": "base64Data",
    "outputFormat": "JPG",
    "deliveryMethod": "sync",
    "seed": 42,
}


def _env(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, "").strip() or default
    if not value:
        print(f"environment variable {name} is required", file=sys.stderr)
        sys.exit(2)
    return value


async def one_request(client: Runware) -> int:
    results = await client.run(dict(PARAMS))
    if len(results) != 1:
        raise RuntimeError(f"expected 1 result, got {len(results)}")
    data = base64.b64decode(results[0]["imageBase64Data"])
    if data[:2] != b"\xff\xd8":
        raise RuntimeError(f"result is not JPEG (first bytes {data[:4]!r})")
    return len(data)


async def main() -> int:
    url = _env("SANDBOX_URL")
    key = _env("SANDBOX_KEY")
    n = int(_env("N", "100"))
    if n < 1:
        print("N must be >= 1", file=sys.stderr)
        return 2

    async with Runware(
        api_key=key,
        transport="rest",
        http_base_url=url,
        max_retries=0,
        timeout=30_000,
    ) as client:
        try:
            await one_request(client)  # warm-up: opens the aiohttp session and connection

            wall0 = time.perf_counter()
            cpu0 = time.process_time()
            for _ in range(n):
                await one_request(client)
            wall = time.perf_counter() - wall0
            cpu = time.process_time() - cpu0
        except Exception as exc:
            print(f"benchmark failed: {exc!r}", file=sys.stderr)
            return 1

    print(
        json.dumps(
            {
                "tool": f"runware-sdk {runware.__version__}",
                "requests": n,
                "wall_ms_per_request": round(wall * 1000 / n, 3),
                "cpu_ms_per_request": round(cpu * 1000 / n, 3),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))

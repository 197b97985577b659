#!/usr/bin/env python3
"""Round-trip the official Runware Python SDK (`runware-sdk`) against the Darkroom sandbox.

The SDK is used unchanged; only its base URLs point at the sandbox. SDK_TRANSPORT picks the
transport: "rest", or "websocket" (the SDK's default; the sandbox serves it on the same port).

    pip install -r Tests/SDK/requirements.txt
    SANDBOX_URL=http://127.0.0.1:PORT/v1 SANDBOX_KEY=<key> SDK_TRANSPORT=websocket python3 Tests/SDK/sdk_roundtrip.py

Prints one line per check ("PASS ..." / "FAIL ..."). Exit code 0 when every check passes,
1 when any fails, 2 on a setup problem (missing env var or SDK not installed).

Notes on the SDK (runware-sdk 1.8.0):
- `Runware(api_key=..., transport="rest", http_base_url=...)`, or the default transport,
  WebSocket, with `ws_base_url=ws://...` (authentication first, then task arrays).
- `run()` sends `deliveryMethod: "async"` unless told otherwise and then polls `getResponse`
  (first poll after 1.0 s, then 0.5 s, then x1.5 per poll).
- Without an explicit `taskType`, `run()` looks the model up in a registry that it tries to
  fetch from https://schemas.runware.ai (bounded by 3 s, then a bundled copy). Check (a) uses
  that default path on purpose; the other checks pass `taskType` explicitly, which puts the
  same bytes on the wire (the SDK always strips and re-appends `taskType`/`taskUUID`).
- `max_retries=0` so that a failing sandbox reply surfaces at once instead of after
  1-2 s backoffs with jitter.
"""

from __future__ import annotations

import asyncio
import base64
import os
import struct
import sys
import time
import traceback
import urllib.request
import zlib

try:
    import runware
    from runware import Runware, RunwareError
except ImportError as exc:  # pragma: no cover - setup problem
    print(f"SETUP runware-sdk is not importable ({exc}); pip install -r Tests/SDK/requirements.txt")
    sys.exit(2)

MODEL = "runware:111@1"
PROMPT = "a lighthouse on a cliff at dusk, film photograph"

TRANSPORT = os.environ.get("SDK_TRANSPORT", "rest")
SDK_OPTIONS: dict[str, object] = {
    "transport": TRANSPORT,
    "max_retries": 0,  # no retries: the sandbox answers instantly, failures must show at once
    "timeout": 30_000,  # ms, per HTTP request
    "poll_timeout": 20_000,  # ms, whole getResponse polling budget (a stuck task fails in 20 s)
}


def _env(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        print(f"SETUP environment variable {name} is required (e.g. SANDBOX_URL=http://127.0.0.1:PORT/v1)")
        sys.exit(2)
    return value


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (asserts the PNG framing)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"not a PNG (first bytes {data[:8]!r})"
    assert len(data) >= 33, f"PNG too short ({len(data)} bytes)"
    length, chunk_type = struct.unpack(">I4s", data[8:16])
    assert chunk_type == b"IHDR" and length == 13, f"first PNG chunk is {chunk_type!r} (len {length}), not IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def tiny_png(width: int = 8, height: int = 8) -> bytes:
    """A valid RGB PNG with a small gradient, built with zlib only."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return (
            struct.pack(">I", len(payload))
            + kind
            + payload
            + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
        )

    rows = b"".join(
        b"\x00" + b"".join(bytes((x * 32 % 256, y * 32 % 256, 128)) for x in range(width))
        for y in range(height)
    )
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _describe(items: object) -> str:
    """Short view of SDK results for failure messages (base64 payloads elided)."""
    if not isinstance(items, list):
        return repr(items)[:300]
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append({k: (f"<{len(v)} chars>" if isinstance(v, str) and len(v) > 120 else v) for k, v in item.items()})
        else:
            out.append(item)
    return repr(out)[:600]


# --------------------------------------------------------------------------- checks


async def check_sync_base64_png(client: Runware) -> str:
    # Default user path: no taskType (the SDK resolves it from its model registry).
    results = await client.run(
        {
            "model": MODEL,
            "positivePrompt": PROMPT,
            "width": 512,
            "height": 512,
            "numberResults": 2,
            "outputType": "base64Data",
            "outputFormat": "PNG",
            "seed": 42,
            "includeCost": True,
            "deliveryMethod": "sync",
        }
    )
    assert isinstance(results, list), f"run() returned {type(results).__name__}, expected list"
    assert len(results) == 2, f"expected 2 results, got {len(results)}: {_describe(results)}"
    uuids = [r.get("imageUUID") for r in results]
    assert all(isinstance(u, str) and u for u in uuids), f"missing imageUUID: {_describe(results)}"
    assert len(set(uuids)) == 2, f"imageUUIDs not distinct: {uuids}"
    seeds = sorted(r.get("seed") for r in results)  # type: ignore[type-var]
    assert seeds == [42, 43], f"expected seeds [42, 43], got {seeds}"
    for r in results:
        assert r.get("taskType") == "imageInference", f"taskType {r.get('taskType')!r}"
        b64 = r.get("imageBase64Data")
        assert isinstance(b64, str) and b64, f"no imageBase64Data in {_describe([r])}"
        png = base64.b64decode(b64, validate=True)
        size = png_size(png)
        assert size == (512, 512), f"PNG is {size[0]}x{size[1]}, expected 512x512"
        assert _is_number(r.get("cost")), f"cost is {r.get('cost')!r}, expected a number"
    return f"2 results, seeds {seeds}, PNG 512x512, cost {[r['cost'] for r in results]}"


async def check_async_url_jpg(client: Runware) -> str:
    t0 = time.perf_counter()
    results = await client.run(
        {
            "taskType": "imageInference",
            "model": MODEL,
            "positivePrompt": PROMPT,
            "width": 512,
            "height": 512,
            "numberResults": 3,
            "outputType": "URL",
            "outputFormat": "JPG",
            "deliveryMethod": "async",
        }
    )
    elapsed = time.perf_counter() - t0
    assert isinstance(results, list), f"run() returned {type(results).__name__}, expected list"
    assert len(results) == 3, f"expected 3 results, got {len(results)}: {_describe(results)}"
    uuids = {r.get("imageUUID") for r in results}
    assert len(uuids) == 3, f"imageUUIDs not distinct: {_describe(results)}"
    for r in results:
        url = r.get("imageURL")
        assert isinstance(url, str) and url.startswith(("http://", "https://")), f"bad imageURL {url!r}"
        with urllib.request.urlopen(url, timeout=10) as resp:  # noqa: S310 - sandbox URL
            body = resp.read()
        assert body[:2] == b"\xff\xd8", f"{url} is not JPEG (first bytes {body[:4]!r})"
    return f"3 results via getResponse polling in {elapsed:.2f}s, all URLs serve JPEG"


async def check_image_upload(client: Runware) -> str:
    data_uri = "data:image/png;base64," + base64.b64encode(tiny_png()).decode("ascii")
    results = await client.image_upload({"image": data_uri})
    assert isinstance(results, list) and results, f"image_upload returned {_describe(results)}"
    item = results[0]
    assert item.get("taskType") == "imageUpload", f"taskType {item.get('taskType')!r}"
    image_uuid = item.get("imageUUID")
    assert isinstance(image_uuid, str) and image_uuid, f"no imageUUID: {_describe(results)}"
    return f"imageUUID {image_uuid}"


async def check_model_search(client: Runware) -> str:
    # The SDK's own ModelSearchParams: ControlNets have no category any more, so by name and architecture.
    results = await client.model_search({"search": "controlnet canny", "architecture": "flux1d"})
    assert isinstance(results, list) and results, f"model_search returned {_describe(results)}"
    entries = [e for item in results if isinstance(item.get("results"), list) for e in item["results"]]
    airs = [e.get("air") for e in entries if isinstance(e, dict) and isinstance(e.get("air"), str) and e.get("air")]
    assert airs, f"no result with an 'air': {_describe(results)}"
    return f"{len(entries)} result(s), e.g. {airs[0]}"


def _urls(url: str) -> dict[str, object]:
    """The base URL for the transport in use: the same server answers both."""
    return {"http_base_url": url, "ws_base_url": url.replace("http://", "ws://", 1)}


async def check_wrong_key(url: str, key: str) -> str:
    wrong = f"wrong-{key}-wrong"  # never empty: an empty key makes the SDK read RUNWARE_API_KEY
    try:
        # Over WebSocket the key is refused as the connection authenticates, before any task.
        async with Runware(api_key=wrong, **_urls(url), **SDK_OPTIONS) as bad:
            results = await bad.run(
                {
                    "taskType": "imageInference",
                    "model": MODEL,
                    "positivePrompt": PROMPT,
                    "width": 512,
                    "height": 512,
                    "outputType": "base64Data",
                    "deliveryMethod": "sync",
                }
            )
    except RunwareError as err:
        text = f"{err!r} {err}"
        assert err.status_code == 401 or "invalidApiKey" in text or "401" in text or "Invalid API key" in text, (
            f"error does not mention invalidApiKey or 401: {text}"
        )
        assert err.code == "auth", f"SDK classified the error as {err.code!r}, expected 'auth': {text}"
        return f"{err!r}"
    raise AssertionError(f"wrong API key was accepted: {_describe(results)}")


async def main() -> int:
    url = _env("SANDBOX_URL")
    key = _env("SANDBOX_KEY")
    print(f"INFO runware-sdk {runware.__version__} -> {url}")

    failures = 0

    async def run_check(name: str, coro_factory) -> None:
        nonlocal failures
        t0 = time.perf_counter()
        try:
            detail = await coro_factory()
        except AssertionError as exc:
            failures += 1
            print(f"FAIL {name}: {exc}")
        except Exception as exc:  # SDK / network errors
            failures += 1
            print(f"FAIL {name}: {type(exc).__name__}: {exc!r}")
            if os.environ.get("SDK_ROUNDTRIP_TRACE"):
                traceback.print_exc()
        else:
            print(f"PASS {name} ({(time.perf_counter() - t0) * 1000:.0f} ms): {detail}")

    print(f"TRANSPORT {TRANSPORT}")
    async with Runware(api_key=key, **_urls(url), **SDK_OPTIONS) as client:
        await run_check("a sync imageInference base64Data PNG x2", lambda: check_sync_base64_png(client))
        await run_check("b async imageInference URL JPG x3", lambda: check_async_url_jpg(client))
        await run_check("c image_upload data URI", lambda: check_image_upload(client))
        await run_check("d model_search controlnet canny, flux1d", lambda: check_model_search(client))
    await run_check("e wrong API key rejected", lambda: check_wrong_key(url, key))

    if failures:
        print(f"RESULT {failures} check(s) failed")
        return 1
    print("RESULT all 5 checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))

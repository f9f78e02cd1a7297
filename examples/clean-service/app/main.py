"""Minimal stub of the inventory service used by the Aurora DevOps demo workspace."""
from fastapi import FastAPI

app = FastAPI(title="inventory")


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/items")
def items() -> list[dict[str, object]]:
    return []

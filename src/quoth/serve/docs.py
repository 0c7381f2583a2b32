"""``/docs``: the OpenAPI document rendered as a plain HTML page by the server itself.

No Swagger UI and nothing from a CDN (the page must work offline and under the CSP): each JSON
endpoint with its summary, its parameters and the names of its response fields; the machine-readable
description is ``/openapi.json``.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from quoth.serve.templating import templates

router = APIRouter(include_in_schema=False)


def _ref_name(schema: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return "list of " + _ref_name(schema.get("items", {}))
    if "anyOf" in schema:
        return " or ".join(_ref_name(s) for s in schema["anyOf"])
    return schema.get("type", "object")


def endpoints(spec: dict) -> list[dict]:
    """The endpoints of an OpenAPI document, flattened for the page."""
    out = []
    components = spec.get("components", {}).get("schemas", {})
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            ok = op.get("responses", {}).get("200", {}).get("content", {})
            schema = next(iter(ok.values()), {}).get("schema", {}) if ok else {}
            name = _ref_name(schema) if schema else ""
            fields = list(components.get(name, {}).get("properties", {}))
            out.append({
                "method": method.upper(),
                "path": path,
                "summary": op.get("summary", ""),
                "description": op.get("description", ""),
                "parameters": [{"name": p["name"], "where": p["in"], "required": p.get("required", False),
                                "description": p.get("description", "")} for p in op.get("parameters", [])],
                "response": name,
                "fields": fields,
                "errors": sorted(s for s in op.get("responses", {}) if s != "200"),
            })
    return out


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request):
    return templates.TemplateResponse(request, "docs.html", {"endpoints": endpoints(request.app.openapi())})

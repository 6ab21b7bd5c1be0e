"""An independent reader of a PDF's structure for the tests (Debian's python3-pikepdf, on qpdf).

Prints one JSON object: what PDF/UA-1 and PDF/A-2 ask that a machine can check. The tests decide
what is right; this only reports what is in the file.
Usage: python3 pdf-structure.py FILE.pdf
"""
import json
import sys

import pikepdf

PAINT = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Do", "sh", "EI"}


def name(value):
    return str(value) if value is not None else None


def text(value):
    return str(value) if value is not None else None


def content_report(page):
    """Painting operators outside any marked content, and inside Artifact or tagged content."""
    stack = []
    unmarked = 0
    artifact = 0
    tagged = 0
    in_text = False
    text_marked = None
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op in ("BDC", "BMC"):
            stack.append(str(operands[0]))
        elif op == "EMC":
            if stack:
                stack.pop()
        elif op == "BT":
            in_text = True
        elif op == "ET":
            in_text = False
        elif op in ("Tj", "TJ", "'", '"') or op in PAINT:
            where = next((s for s in stack if s == "/Artifact"), None) or (stack[0] if stack else None)
            if where is None:
                unmarked += 1
            elif where == "/Artifact":
                artifact += 1
            else:
                tagged += 1
    return {"unmarked": unmarked, "artifact": artifact, "tagged": tagged}


def struct(node, role_map, seen):
    if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
        return None
    key = node.objgen
    if key != (0, 0):
        if key in seen:
            return {"role": "CYCLE"}
        seen.add(key)
    out = {"role": name(node.S)[1:]}
    if "/Alt" in node:
        out["alt"] = text(node.Alt)
    if "/ActualText" in node:
        out["actualText"] = text(node.ActualText)
    attrs = node.get("/A")
    if attrs is not None:
        for a in attrs if isinstance(attrs, pikepdf.Array) else [attrs]:
            if isinstance(a, pikepdf.Dictionary) and "/Scope" in a:
                out["scope"] = name(a.Scope)[1:]
    kids = node.get("/K")
    children = []
    content = 0
    for kid in kids if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids]):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            child = struct(kid, role_map, seen)
            if child:
                children.append(child)
        else:
            content += 1  # an MCID, a marked-content reference or an object reference
    if children:
        out["kids"] = children
    if content:
        out["content"] = content
    return out


def main(path):
    pdf = pikepdf.open(path)
    root = pdf.Root
    meta = None
    if "/Metadata" in root:
        meta = root.Metadata.read_bytes().decode("utf-8")
    info = {}
    if "/Info" in pdf.trailer:
        for k, v in pdf.trailer.Info.items():
            info[k[1:]] = text(v)
    intents = []
    for oi in root.get("/OutputIntents", []):
        profile = oi.get("/DestOutputProfile")
        intents.append({
            "subtype": name(oi.get("/S")),
            "identifier": text(oi.get("/OutputConditionIdentifier")),
            "profileN": int(profile.N) if profile is not None and "/N" in profile else None,
            "profileBytes": len(profile.read_bytes()) if profile is not None else 0,
        })
    tree = root.get("/StructTreeRoot")
    role_map = {}
    top = []
    if tree is not None:
        for k, v in (tree.get("/RoleMap") or {}).items():
            role_map[k[1:]] = name(v)[1:]
        kids = tree.get("/K")
        seen = set()
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            node = struct(kid, role_map, seen)
            if node:
                top.append(node)
    pages = []
    annots = []
    for i, page in enumerate(pdf.pages):
        box = [round(float(x), 2) for x in page.MediaBox]
        pages.append({"mediaBox": box, "content": content_report(page), "tabs": name(page.get("/Tabs"))})
        for a in page.get("/Annots", []):
            annots.append({
                "page": i + 1,
                "subtype": name(a.get("/Subtype")),
                "contents": text(a.get("/Contents")),
                "structParent": "/StructParent" in a,
            })
    trailer_id = pdf.trailer.get("/ID")
    print(json.dumps({
        "version": pdf.pdf_version,
        "info": info,
        "xmp": meta,
        "lang": text(root.get("/Lang")),
        "marked": bool(root.get("/MarkInfo") and root.MarkInfo.get("/Marked")),
        "displayDocTitle": bool(root.get("/ViewerPreferences") and root.ViewerPreferences.get("/DisplayDocTitle")),
        "outputIntents": intents,
        "trailerId": [bytes(x).hex() for x in trailer_id] if trailer_id is not None else None,
        "roleMap": role_map,
        "structure": top,
        "pages": pages,
        "annotations": annots,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])

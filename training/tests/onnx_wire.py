"""Just enough of the protobuf wire format to inspect an ONNX file without the onnx package."""


def _varint(buf, i):
    shift = value = 0
    while True:
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return value, i


def fields(buf):
    """[(field number, wire type, value)] of one message; length-delimited values are bytes."""
    out, i = [], 0
    while i < len(buf):
        key, i = _varint(buf, i)
        num, wt = key >> 3, key & 7
        if wt == 0:
            v, i = _varint(buf, i)
        elif wt == 1:
            v, i = buf[i:i + 8], i + 8
        elif wt == 2:
            n, i = _varint(buf, i)
            v, i = buf[i:i + n], i + n
        elif wt == 5:
            v, i = buf[i:i + 4], i + 4
        else:
            raise ValueError(f"unsupported wire type {wt}")
        out.append((num, wt, v))
    return out


def get(buf, num):
    return [v for n, _, v in fields(buf) if n == num]


def value_info(vi):
    """(name, dims) of an ONNX ValueInfoProto holding a tensor type."""
    name = get(vi, 1)[0].decode()
    shape = get(get(get(vi, 2)[0], 1)[0], 2)[0]  # TypeProto.tensor_type.shape
    dims = [get(d, 1)[0] if get(d, 1) else get(d, 2)[0].decode() for d in get(shape, 1)]
    return name, dims


def summary(blob):
    """Opset versions, graph inputs/outputs with dims, and nodes as (op_type, {int attribute: value})."""
    model = memoryview(blob).tobytes()
    opsets = [get(o, 2)[0] for o in get(model, 8)]
    graph = get(model, 7)[0]
    initializers = {get(t, 8)[0].decode() for t in get(graph, 5)}
    inputs = [value_info(v) for v in get(graph, 11) if get(v, 1)[0].decode() not in initializers]
    outputs = [value_info(v) for v in get(graph, 12)]
    nodes = []
    for node in get(graph, 1):
        op = get(node, 4)[0].decode()
        attrs = {get(a, 1)[0].decode(): get(a, 3)[0] for a in get(node, 5) if get(a, 3)}
        nodes.append((op, attrs))
    return {"opsets": opsets, "inputs": inputs, "outputs": outputs, "nodes": nodes}

#!/usr/bin/env python3
"""Rewrites the dynamically quantized all-MiniLM-L6-v2 (langchain4j's `-q` model) so that activations stay in float.

Why: the `-q` graph quantizes every activation to uint8 at run time (DynamicQuantizeLinear). ONNX Runtime's float
kernels differ in their last bits between CPUs (AVX2, AVX-512, NEON), and a last-bit difference that crosses a
rounding step of that quantization moves an activation by a whole step (about 1 % of its range): cosines then
differ by up to 5e-3 between machines, enough to change a run's decisions. Here each
DynamicQuantizeLinear -> MatMulInteger -> Cast -> Mul(scale) chain becomes DequantizeLinear(weight) -> MatMul on the
float activation. The weights stay int8 (the file keeps its size); the compute is float, so machines differ only in
last bits, which the redundancy rounding in io.picaco.llm.Embedder absorbs.

Usage (Debian: apt-get install python3-onnx):
  python3 scripts/float-activations.py all-minilm-l6-v2-q.onnx src/main/resources/embedding/all-minilm-l6-v2-w8.onnx
"""
import sys

import onnx
from onnx import helper


def main(src, dst):
    model = onnx.load(src)
    graph = model.graph
    producer = {o: n for n in graph.node for o in n.output}
    consumers = {}
    for n in graph.node:
        for i in n.input:
            consumers.setdefault(i, []).append(n)
    initializers = {i.name for i in graph.initializer}
    drop, new_nodes = set(), {}
    for n in graph.node:
        if n.op_type != "MatMulInteger":
            continue
        a_q, b_q, _, b_zp = n.input
        quantize = producer[a_q]
        assert quantize.op_type == "DynamicQuantizeLinear" and b_q in initializers, n.name
        (cast,) = consumers[n.output[0]]
        (mul,) = consumers[cast.output[0]]
        assert cast.op_type == "Cast" and mul.op_type == "Mul", n.name
        scales = producer[next(i for i in mul.input if i != cast.output[0])]
        b_scale = next(i for i in scales.input if i in initializers)
        weight = b_q + "_float"
        new_nodes[id(n)] = [
            helper.make_node("DequantizeLinear", [b_q, b_scale, b_zp], [weight], name=n.name + "_dequantize"),
            helper.make_node("MatMul", [quantize.input[0], weight], [mul.output[0]], name=n.name + "_float"),
        ]
        drop.update({id(cast), id(mul), id(scales)})
    for n in graph.node:  # a DynamicQuantizeLinear whose every consumer was rewritten goes too
        if n.op_type == "DynamicQuantizeLinear" and all(
                c.op_type == "MatMulInteger" for o in n.output for c in consumers.get(o, [])):
            drop.add(id(n))
    rewritten = []
    for n in graph.node:
        if id(n) in new_nodes:
            rewritten.extend(new_nodes[id(n)])
        elif id(n) not in drop:
            rewritten.append(n)
    del graph.node[:]
    graph.node.extend(rewritten)
    onnx.checker.check_model(model)
    onnx.save(model, dst)
    print(f"{len(new_nodes)} quantized matmuls now float; {len(graph.node)} nodes")


if __name__ == "__main__":
    main(*sys.argv[1:3])

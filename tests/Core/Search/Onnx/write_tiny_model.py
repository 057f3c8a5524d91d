#!/usr/bin/python3
"""Writes a tiny BERT-shaped ONNX model, its WordPiece vocab.txt and a tiny XLM-R-style sentencepiece model for the
ONNX embedding tests.

usage: write_tiny_model.py OUT_DIR

The model takes input_ids and attention_mask ([batch, seq], int64) and returns last_hidden_state
([batch, seq, 8], float): E[input_ids] + mask * BIAS, with E[i][j] = ((7i + 3j) % 11 - 5) / 5 and
BIAS[j] = (j % 3 - 1) / 10, so the test can compute the expected mean pooling itself. Padding positions
get E[pad] without BIAS: a pooling that ignores the mask gives a different vector.
"""
import os
import sys

import json

import numpy as np
import sentencepiece as spm
import onnx
from onnx import TensorProto, helper, numpy_helper

HIDDEN = 8
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
         "the", "cat", "sat", "on", "mat", "dog", "runs", "fast", "##s",
         "книга", "книги", "кот", "квиток", "мир", "hello", "world"]


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    table = np.array([[((7 * i + 3 * j) % 11 - 5) / 5.0 for j in range(HIDDEN)] for i in range(len(VOCAB))], dtype=np.float32)
    bias = np.array([(j % 3 - 1) / 10.0 for j in range(HIDDEN)], dtype=np.float32)
    nodes = [
        helper.make_node("Gather", ["table", "input_ids"], ["tokens"], axis=0),
        helper.make_node("Cast", ["attention_mask"], ["mask_float"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_float", "last_axis"], ["mask_3d"]),
        helper.make_node("Mul", ["mask_3d", "bias"], ["masked_bias"]),
        helper.make_node("Add", ["tokens", "masked_bias"], ["last_hidden_state"]),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny-sentence-encoder",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"])],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", HIDDEN])],
        [numpy_helper.from_array(table, "table"),
         numpy_helper.from_array(bias, "bias"),
         numpy_helper.from_array(np.array([-1], dtype=np.int64), "last_axis")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="monolith-tests")
    model.ir_version = 7
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(out_dir, "tiny-model.onnx"))
    with open(os.path.join(out_dir, "vocab.txt"), "w", encoding="utf-8") as vocab:
        vocab.write("\n".join(VOCAB) + "\n")
    write_sentencepiece(out_dir)


def write_sentencepiece(out_dir):
    corpus = os.path.join(out_dir, "corpus.txt")
    with open(corpus, "w", encoding="utf-8") as text:
        for _ in range(20):
            text.write("the cat sat on the mat\nкнига книги книгу\nмій квиток на потяг\nhello world of words\n")
    spm.SentencePieceTrainer.train(
        input=corpus, model_prefix=os.path.join(out_dir, "sentencepiece.bpe"), vocab_size=36, model_type="unigram",
        character_coverage=1.0, minloglevel=2)
    processor = spm.SentencePieceProcessor(model_file=os.path.join(out_dir, "sentencepiece.bpe.model"))
    expected = {}
    for sample in ["the cat sat", "книги на потяг", "hello zebra"]:
        pieces = processor.encode(sample)
        expected[sample] = [0] + [3 if p == processor.unk_id() else p + 1 for p in pieces] + [2]
    with open(os.path.join(out_dir, "xlmr-expected.json"), "w", encoding="utf-8") as out:
        json.dump(expected, out, ensure_ascii=False)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])

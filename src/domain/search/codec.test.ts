import { expect, test } from "vitest";
import { BlockEncoder, ByteReader, ByteWriter, decodeIds, decodePositions, encodeBlock, flatPositions } from "./codec";

test("varints round-trip on both sides of 2^31 and up to 2^53", () => {
  const values = [0, 1, 127, 128, 300, 2 ** 31 - 1, 2 ** 31, 2 ** 32 + 5, 2 ** 40 + 123, Number.MAX_SAFE_INTEGER];
  const w = new ByteWriter(4); // grows
  values.forEach((v) => w.uint(v));
  const r = new ByteReader(w.bytes());
  expect(values.map(() => r.uint())).toEqual(values);
  const one = new ByteWriter();
  one.uint(2 ** 31);
  expect([...one.bytes()]).toEqual([128, 128, 128, 128, 8]); // 7 bits a byte, low first
});

test("a block decodes to its ids and positions, ids beyond 2^32 included", () => {
  const ids = [5, 2 ** 33 + 1, 2 ** 33 + 2, 2 ** 52 + 7];
  const positions = [[0], [3, 4, 900], [2 ** 14 + 2], [1, 11_999]]; // positions stop at 12,000
  const block = encodeBlock(ids, flatPositions(positions));
  expect(block).toMatchObject({ last: 2 ** 52 + 7, n: 4 });
  expect(decodeIds(block.docs, block.last)).toEqual(ids);
  const { start, values } = decodePositions(block.pos, block.n);
  expect(ids.map((_, i) => [...values.subarray(start[i], start[i + 1])])).toEqual(positions);
});

test("the encoder fed document by document from an Int32Array writes the bytes of encodeBlock", () => {
  const ids = [10, 12, 400];
  const positions = [[1, 2, 3], [7], [0, 500]];
  const expected = encodeBlock(ids, flatPositions(positions));
  const arena = Int32Array.from([99, ...positions[0]!, 99, ...positions[1]!, ...positions[2]!]);
  const encoder = new BlockEncoder();
  encoder.doc(10, arena, 1, 3);
  encoder.doc(12, arena, 5, 1);
  encoder.doc(400, arena, 6, 2);
  const block = encoder.block();
  expect({ ...block, docs: [...block.docs], pos: [...block.pos] }).toEqual({
    ...expected,
    docs: [...expected.docs],
    pos: [...expected.pos],
  });
  // The encoder starts over: the next block holds only its own documents.
  encoder.doc(3, arena, 5, 1);
  expect(decodeIds(encoder.block().docs, 3)).toEqual([3]);
});

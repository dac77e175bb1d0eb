import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { jsonBytes, utf8Bytes } from "../../contract/measure";

const CONTRACT = resolve(dirname(fileURLToPath(import.meta.url)), "../../contract");

describe("contract sizes", () => {
  it.each(["", "plain", "é", "€", "😀", "a é € 😀 z", "\ud800", "x\udc00\ud800y"])("count %j in the bytes of UTF-8", (text) => {
    expect(utf8Bytes(text)).toBe(Buffer.byteLength(text));
  });

  it("count JSON in the bytes of UTF-8", () => {
    const value = { "€": ["😀", 1.5, null, { é: true }], "\ud800": "x" };
    expect(jsonBytes(value)).toBe(Buffer.byteLength(JSON.stringify(value)));
  });
});

describe("contract independence", () => {
  it("imports nothing from outside contract/, so not the transforms it checks", () => {
    const files = readdirSync(CONTRACT, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
    const imports = files.flatMap((file) =>
      [...readFileSync(join(CONTRACT, file), "utf8").matchAll(/\bfrom\s+"([^"]+)"/g)].map((match) => ({ file, specifier: match[1] ?? "" })),
    );
    expect(files.some((file) => file.includes("/"))).toBe(true);
    expect(imports.length).toBeGreaterThan(0);
    const outside = imports.filter(
      ({ file, specifier }) => specifier.startsWith(".") && relative(CONTRACT, resolve(CONTRACT, dirname(file), specifier)).startsWith(".."),
    );
    expect(outside).toEqual([]);
  });
});

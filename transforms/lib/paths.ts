/** One level less, for bounding the recursion of `PathOf`. */
type Shallower = [never, 0, 1, 2, 3];

/**
 * Every dotted path into `T` ("firstName", "new_email_properties.email"), so a
 * mapping that names a field the payload does not have fails to compile. An
 * untyped record (an index signature) accepts any path.
 */
export type PathOf<T, Depth extends number = 4> = [Depth] extends [never]
  ? never
  : T extends readonly unknown[]
    ? never
    : T extends object
      ? {
          [K in keyof T & string]: K | (NonNullable<T[K]> extends object ? `${K}.${PathOf<NonNullable<T[K]>, Shallower[Depth]>}` : never);
        }[keyof T & string]
      : never;

// Migrations are hand-written SQL, so nothing else checks that they build what prisma/schema.prisma describes:
// this reads both into one shape (schema from Prisma's DMMF, database from PostgreSQL's catalogs) and diffs them.
import internals from "@prisma/internals";
import type pg from "pg";

const { getDMMF } = internals;
type Datamodel = Awaited<ReturnType<typeof getDMMF>>["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];

export interface ColumnShape {
  type: string; // as format_type() prints it, unquoted; the element type for arrays
  array: boolean;
  nullable: boolean;
  default: string | null; // normalised, see normaliseDefault
}
export interface IndexShape {
  name: string;
  columns: string[]; // "col" or "col DESC"
  unique: boolean;
  method: string; // btree, hash, gin, …
}
export interface ForeignKeyShape {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string; // NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT
  onUpdate: string;
}
export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: { name: string; columns: string[] } | null;
  indexes: IndexShape[]; // unique and normal, not the primary key's
  foreignKeys: ForeignKeyShape[];
}
export interface SchemaShape {
  tables: Record<string, TableShape>;
  enums: Record<string, string[]>;
}

// prettier-ignore
const SCALAR_TYPES: Record<string, string> = {
  String: "text", Int: "integer", BigInt: "bigint", Float: "double precision", Decimal: "numeric(65,30)",
  Boolean: "boolean", DateTime: "timestamp(3) without time zone", Json: "jsonb", Bytes: "bytea",
};
// @db.* attributes as format_type() prints them; "(…)" is replaced by the attribute's arguments, if any.
// prettier-ignore
const NATIVE_TYPES: Record<string, string> = {
  Text: "text", VarChar: "character varying(…)", Char: "character(…)", Uuid: "uuid", Xml: "xml", Inet: "inet",
  Citext: "citext", Bit: "bit(…)", VarBit: "bit varying(…)", Integer: "integer", SmallInt: "smallint",
  BigInt: "bigint", Oid: "oid", DoublePrecision: "double precision", Real: "real", Decimal: "numeric(…)",
  Money: "money", Boolean: "boolean", Timestamp: "timestamp(…) without time zone",
  Timestamptz: "timestamp(…) with time zone", Date: "date", Time: "time(…) without time zone",
  Timetz: "time(…) with time zone", Json: "json", JsonB: "jsonb", ByteA: "bytea",
};
// prettier-ignore
const ACTIONS: Record<string, string> = {
  NoAction: "NO ACTION", Restrict: "RESTRICT", Cascade: "CASCADE", SetNull: "SET NULL", SetDefault: "SET DEFAULT",
  a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT",
};
// Defaults the client generates; they leave no trace in the database.
const CLIENT_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);

/** Prisma's default constraint name, cut to fit PostgreSQL's 63-character identifiers the way Prisma cuts it. */
function constraintName(table: string, columns: string[], suffix: string): string {
  return [table, ...columns].join("_").slice(0, 63 - suffix.length) + suffix;
}

const unquoteIdent = (s: string) => (/^".*"$/.test(s) ? s.slice(1, -1).replace(/""/g, '"') : s);
const quoteLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`;

// A cast as pg_get_expr() prints it: ::text, ::"Role"[], ::character varying(40), ::timestamp(3) without time zone.
const CAST =
  /::(?:"(?:[^"]|"")+"|[a-z_]\w*(?: precision| varying)?(?:\(\d+(?:,\s*\d+)?\))?(?: with(?:out)? time zone)?)(?:\[\])*/gi;

/**
 * Brings a column default, from schema.prisma or from pg_get_expr(), to one form: casts dropped, a lone string literal
 * unquoted, sequences as autoincrement(), CURRENT_TIMESTAMP as now(), timestamps in ISO form and JSON re-serialised.
 */
export function normaliseDefault(sql: string | null): string | null {
  if (sql === null) return null;
  if (/^nextval\(/i.test(sql.trim())) return "autoincrement()";
  let s = sql.replace(CAST, "").replace(/\s+/g, " ").trim();
  if (/^(current_timestamp|now\(\))$/i.test(s)) return "now()";
  const literal = /^'((?:[^']|'')*)'$/.exec(s);
  if (literal) s = literal[1]!.replace(/''/g, "'");
  if (s === "ARRAY[]") s = "{}";
  const ts = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*(Z|[+-]\d\d(?::?\d\d)?)?$/.exec(s);
  if (ts) {
    const zone = !ts[3] || ts[3] === "Z" ? "Z" : ts[3].length === 3 ? `${ts[3]}:00` : ts[3];
    const date = new Date(`${ts[1]}T${ts[2]}${zone}`);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  if (/^[[{]/.test(s)) {
    try {
      return JSON.stringify(JSON.parse(s));
    } catch {} // not JSON, e.g. a PostgreSQL array literal
  }
  return s;
}

/** Finds `map:` names of @relation attributes, which the DMMF leaves out: "Model.field" → name. */
function relationMaps(schemaText: string): Map<string, string> {
  const maps = new Map<string, string>();
  let model: string | undefined;
  for (const line of schemaText.split("\n")) {
    const start = /^\s*model\s+(\w+)\s*\{/.exec(line);
    if (start) model = start[1];
    else if (/^\s*\}/.test(line)) model = undefined;
    const map = /^\s*(\w+)\s.*@relation\([^)]*\bmap:\s*"([^"]+)"/.exec(line);
    if (model && map) maps.set(`${model}.${map[1]}`, map[2]!);
  }
  return maps;
}

export async function expectedSchema(schemaText: string): Promise<SchemaShape> {
  const { datamodel } = await getDMMF({ datamodel: schemaText });
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const enums = new Map(datamodel.enums.map((e) => [e.name, e]));
  const tableOf = (model: Model) => model.dbName ?? model.name;
  const columnOf = (model: Model, field: string) => model.fields.find((f) => f.name === field)?.dbName ?? field;
  const relationMap = relationMaps(schemaText);
  const shape: SchemaShape = { tables: {}, enums: {} };

  for (const e of datamodel.enums) shape.enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);

  const typeOf = (field: Field): string => {
    if (field.kind === "enum") return enums.get(field.type)?.dbName ?? field.type;
    if (!field.nativeType) return SCALAR_TYPES[field.type] ?? `unknown type ${field.type}`;
    const [name, args] = field.nativeType;
    const type = NATIVE_TYPES[name] ?? name.toLowerCase();
    return type.replace("(…)", args.length ? `(${args.join(",")})` : "");
  };
  const literal = (field: Field, value: string | number | boolean): string => {
    if (field.kind === "enum") {
      const values = enums.get(field.type)?.values ?? [];
      return quoteLiteral(values.find((v) => v.name === value)?.dbName ?? String(value));
    }
    return ["String", "DateTime", "Json", "Bytes"].includes(field.type) ? quoteLiteral(String(value)) : String(value);
  };
  const defaultOf = (field: Field): string | null => {
    const value = field.default;
    if (value === undefined || field.isUpdatedAt) return null;
    if (typeof value !== "object") return literal(field, value);
    if (!("name" in value)) return `ARRAY[${value.map((v) => literal(field, v)).join(", ")}]`;
    if (value.name === "now") return "now()";
    if (value.name === "autoincrement") return "autoincrement()";
    if (value.name === "dbgenerated") return String(value.args[0] ?? "");
    if (CLIENT_DEFAULTS.has(value.name)) return null;
    return `${value.name}(${value.args.join(", ")})`;
  };

  for (const model of datamodel.models) {
    const table: TableShape = { columns: {}, primaryKey: null, indexes: [], foreignKeys: [] };
    shape.tables[tableOf(model)] = table;
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (!field.relationFromFields?.length) continue;
        const target = models.get(field.type)!;
        const columns = field.relationFromFields.map((f) => columnOf(model, f));
        table.foreignKeys.push({
          name: relationMap.get(`${model.name}.${field.name}`) ?? constraintName(tableOf(model), columns, "_fkey"),
          columns,
          referencedTable: tableOf(target),
          referencedColumns: (field.relationToFields ?? []).map((f) => columnOf(target, f)),
          onDelete: ACTIONS[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")]!,
          onUpdate: ACTIONS[field.relationOnUpdate ?? "Cascade"]!,
        });
        continue;
      }
      if (field.kind === "unsupported") continue;
      table.columns[field.dbName ?? field.name] = {
        type: typeOf(field),
        array: field.isList,
        nullable: !field.isRequired || field.isList, // Prisma leaves list columns nullable
        default: normaliseDefault(defaultOf(field)),
      };
    }
  }

  for (const index of datamodel.indexes) {
    const model = models.get(index.model)!;
    const table = shape.tables[tableOf(model)]!;
    const columns = index.fields.map((f) => columnOf(model, f.name) + (f.sortOrder === "desc" ? " DESC" : ""));
    const bare = index.fields.map((f) => columnOf(model, f.name));
    if (index.type === "id") {
      table.primaryKey = { name: index.dbName ?? constraintName(tableOf(model), [], "_pkey"), columns: bare };
    } else {
      const unique = index.type === "unique";
      const name = index.dbName ?? constraintName(tableOf(model), bare, unique ? "_key" : "_idx");
      table.indexes.push({ name, columns, unique, method: (index.algorithm ?? "btree").toLowerCase() });
    }
  }
  return shape;
}

export async function actualSchema(client: pg.Client | pg.Pool): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: {}, enums: {} };
  const tableFilter = `n.nspname = 'public' AND t.relname <> '_prisma_migrations'`;
  type ColumnRow = { table: string; column: string | null; type: string; nullable: boolean; default: string | null };
  const columns = await client.query<ColumnRow>(
    `SELECT t.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default
       FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE t.relkind IN ('r', 'p') AND ${tableFilter}
      ORDER BY t.relname, a.attnum`,
  );
  for (const c of columns.rows) {
    const table = (shape.tables[c.table] ??= { columns: {}, primaryKey: null, indexes: [], foreignKeys: [] });
    if (c.column === null) continue; // a table without columns
    table.columns[c.column] = {
      type: unquoteIdent(c.type.replace(/(\[\])+$/, "")),
      array: c.type.endsWith("[]"),
      nullable: c.nullable,
      default: normaliseDefault(c.default),
    };
  }

  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`,
  );
  for (const e of enums.rows) shape.enums[e.name] = e.values;

  type IndexRow = { table: string; name: string; primary: boolean; unique: boolean; method: string };
  const indexes = await client.query<IndexRow & { columns: string[]; descending: boolean[] }>(
    `SELECT t.relname AS table, i.relname AS name, x.indisprimary AS primary, x.indisunique AS unique,
            am.amname AS method,
            ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true)
                    FROM generate_series(1, x.indnkeyatts) k ORDER BY k) AS columns,
            ARRAY(SELECT x.indoption[k - 1] & 1 = 1
                    FROM generate_series(1, x.indnkeyatts) k ORDER BY k) AS descending
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
      WHERE ${tableFilter}`,
  );
  for (const i of indexes.rows) {
    const table = shape.tables[i.table];
    if (!table) continue;
    const cols = i.columns.map((c, k) => unquoteIdent(c) + (i.descending[k] ? " DESC" : ""));
    if (i.primary) table.primaryKey = { name: i.name, columns: i.columns.map(unquoteIdent) };
    else table.indexes.push({ name: i.name, columns: cols, unique: i.unique, method: i.method });
  }

  const keys = await client.query<ForeignKeyShape & { table: string }>(
    `SELECT con.conname AS name, t.relname AS table, f.relname AS "referencedTable",
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, i)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
                   ORDER BY k.i) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, i)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                   ORDER BY k.i) AS "referencedColumns",
            con.confdeltype AS "onDelete", con.confupdtype AS "onUpdate"
       FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class f ON f.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE con.contype = 'f' AND ${tableFilter}`,
  );
  for (const { table, onDelete, onUpdate, ...key } of keys.rows) {
    shape.tables[table]?.foreignKeys.push({ ...key, onDelete: ACTIONS[onDelete]!, onUpdate: ACTIONS[onUpdate]! });
  }
  return shape;
}

const list = (items: readonly string[]) => `(${items.join(", ")})`;

/** One thing to compare, with how messages name it (`label` alone, `prefix` before a property) and its properties. */
interface Item {
  label: string;
  prefix: string;
  parent?: string; // not reported when the parent is missing or extra itself
  props: Record<string, string>;
}

function flatten(shape: SchemaShape): Map<string, Item> {
  const items = new Map<string, Item>();
  const add = (key: string, label: string, prefix: string, props: Record<string, string>, parent?: string) =>
    items.set(key, { label, prefix, props, parent });
  for (const [name, values] of Object.entries(shape.enums)) {
    add(`enum ${name}`, `enum ${name}`, `enum ${name}`, { "value list": list(values) });
  }
  for (const [t, table] of Object.entries(shape.tables)) {
    const parent = `table ${t}`;
    add(parent, parent, parent, {});
    for (const [c, column] of Object.entries(table.columns)) {
      const type = column.type + (column.array ? "[]" : "");
      const nullability = column.nullable ? "NULL" : "NOT NULL";
      const props = { type, nullability, default: column.default ?? "none" };
      add(`column ${t}.${c}`, `${t}.${c}: column`, `${t}.${c}`, props, parent);
    }
    if (table.primaryKey) {
      const { name, columns } = table.primaryKey;
      add(`pk ${t}`, `primary key ${name}`, `primary key of ${t}`, { name, columns: list(columns) }, parent);
    }
    for (const i of table.indexes) {
      const definition = `${i.unique ? "unique " : ""}${i.method} on ${t}${list(i.columns)}`;
      add(`index ${i.name}`, `${i.unique ? "unique " : ""}index ${i.name}`, `index ${i.name}`, { definition }, parent);
    }
    for (const k of table.foreignKeys) {
      const references = k.referencedTable + list(k.referencedColumns);
      const props = { columns: list(k.columns), references, "ON DELETE": k.onDelete, "ON UPDATE": k.onUpdate };
      add(`fk ${t}.${k.name}`, `foreign key ${k.name}`, `foreign key ${k.name}`, props, parent);
    }
  }
  return items;
}

/** What differs between the schema schema.prisma describes and the database, a sentence each; empty when equal. */
export function diffSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const want = flatten(expected);
  const have = flatten(actual);
  const out: string[] = [];
  for (const [key, w] of want) {
    const h = have.get(key);
    if (!h) {
      if (!w.parent || have.has(w.parent)) out.push(`${w.label} missing in database`);
      continue;
    }
    for (const [prop, value] of Object.entries(w.props)) {
      const found = h.props[prop];
      if (found !== value) out.push(`${w.prefix}: ${prop} is ${found} in database, schema.prisma wants ${value}`);
    }
  }
  for (const [key, h] of have) {
    const inParent = !h.parent || want.has(h.parent);
    if (!want.has(key) && inParent) out.push(`${h.label} exists in database but not in schema.prisma`);
  }
  return out;
}

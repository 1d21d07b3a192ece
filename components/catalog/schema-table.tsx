import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { JsonSchema } from "@/lib/engine/graph";
import { schemaFields, schemaVariants } from "./schema-fields";

/** The fields of a JSON Schema as a table: name, type, required, description; nested fields indented. */
export function SchemaTable({ schema, emptyText }: { schema: JsonSchema; emptyText: string }) {
  const variants = schemaVariants(schema).map((variant) => ({ ...variant, fields: schemaFields(variant.schema) }));
  if (variants.every((v) => v.fields.length === 0)) return <p className="text-sm text-muted-foreground">{emptyText}</p>;
  return (
    <div className="space-y-4">
      {variants.map((variant) => (
        <div key={variant.title ?? "fields"} className="space-y-2">
          {variant.title && <h3 className="text-sm font-medium">{variant.title}</h3>}
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Field</TableHead>
                <TableHead>Type</TableHead>
                <TableHead>Required</TableHead>
                <TableHead>Description</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {variant.fields.map((field) => (
                <TableRow key={field.path} data-testid="schema-field">
                  <TableCell className="font-mono text-xs" style={{ paddingLeft: `${0.5 + field.depth * 1.25}rem` }}>
                    {field.depth > 0 && <span aria-hidden="true" className="text-muted-foreground">└ </span>}
                    {field.name}
                  </TableCell>
                  <TableCell className="max-w-48 font-mono text-xs break-words whitespace-normal">{field.type}</TableCell>
                  <TableCell>{field.required ? <Badge variant="warning">required</Badge> : <span className="text-xs text-muted-foreground">optional</span>}</TableCell>
                  <TableCell className="text-sm whitespace-normal text-muted-foreground">{field.description}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ))}
    </div>
  );
}

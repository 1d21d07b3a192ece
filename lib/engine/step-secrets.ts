/**
 * Secrets typed into a step (finding 5 of issue 12): a field an operation marks with
 * `secretField` (e.g. Send to webhook's headers) is sealed with the connection-credential key
 * ring when the graph is saved, masked for every reader (API, export, pages), and opened only
 * when the step runs. Saving a mask back keeps what was stored at the same place.
 */
import { FatalError } from "@/lib/connectors/errors";
import { secretInputsOf } from "@/lib/connectors/registry";
import { decrypt, encrypt, isStale, reencrypt, type KeyRing } from "@/lib/crypto";
import { keyRing } from "@/lib/secrets";
import type { ActionNode, WorkflowGraph } from "./graph";
import { isSecretInputKey, mapSecretTexts, SECRET_MASK, type SecretLeaf } from "./mapping/secret-texts";
import type { Mapping } from "./mapping/schema";

/** Marks a sealed secret in a stored graph. */
export const SEALED_PREFIX = "bb-secret:";
const SEALED = SEALED_PREFIX;
const isSealed = (value: unknown): value is string => typeof value === "string" && value.startsWith(SEALED);
const seal = (text: string) => SEALED + encrypt(text, keyRing());
const open = (sealed: string) => decrypt(sealed.slice(SEALED.length), keyRing());

function opens(sealed: string): boolean {
  try {
    open(sealed);
    return true;
  } catch {
    return false;
  }
}

function mapActionSecrets(node: ActionNode, stored: ActionNode | undefined, leaf: (key: string) => SecretLeaf): ActionNode {
  const secret = secretInputsOf(node.operationKey);
  if (!Object.keys(node.inputs).some((key) => isSecretInputKey(key, secret))) return node;
  const before: Record<string, Mapping> = stored?.operationKey === node.operationKey ? stored.inputs : {};
  const inputs = Object.fromEntries(
    Object.entries(node.inputs).map(([key, mapping]) => [key, isSecretInputKey(key, secret) ? mapSecretTexts(mapping, before[key], leaf(key)) : mapping]),
  );
  return { ...node, inputs };
}

function mapGraphSecrets(graph: WorkflowGraph, stored: WorkflowGraph | null, leaf: (key: string) => SecretLeaf): WorkflowGraph {
  const previous = new Map((stored?.nodes ?? []).flatMap((n) => (n.kind === "action" ? [[n.id, n] as const] : [])));
  let changed = false;
  const nodes = graph.nodes.map((node) => {
    if (node.kind !== "action") return node;
    const next = mapActionSecrets(node, previous.get(node.id), leaf);
    changed ||= next !== node;
    return next;
  });
  return changed ? { ...graph, nodes } : graph;
}

/**
 * The graph as stored: typed secrets sealed; a mask keeps the value stored at the same node and
 * place in `stored` (the current draft), or stays a mask to be re-entered (an imported export).
 */
export function sealGraphSecrets(graph: WorkflowGraph, stored: WorkflowGraph | null): WorkflowGraph {
  return mapGraphSecrets(graph, stored, () => (text, before) => {
    if (text === SECRET_MASK) {
      if (isSealed(before)) return before;
      // Saved before secrets were sealed: seal the plaintext that is still stored.
      return typeof before === "string" && before !== SECRET_MASK ? seal(before) : SECRET_MASK;
    }
    // A sealed value is kept only if it is ours (a copied or rolled-back draft); anything else is plaintext.
    return isSealed(text) && opens(text) ? text : seal(text);
  });
}

/** What readers see: every secret text masked (also plaintext saved before sealing existed). */
export function maskGraphSecrets(graph: WorkflowGraph): WorkflowGraph {
  return mapGraphSecrets(graph, null, () => () => SECRET_MASK);
}

/** The step's inputs with its secrets opened, just before they are resolved. */
export function openStepSecrets(node: ActionNode): ActionNode {
  return mapActionSecrets(node, undefined, (key) => (text) => {
    if (text === SECRET_MASK) {
      throw new FatalError(`"${node.label}": the secret value of input "${key}" was not exported with the workflow; type it again`);
    }
    return isSealed(text) ? open(text) : text;
  });
}

/**
 * The graph with every sealed secret re-encrypted under `ring`'s current key (key rotation);
 * `unreadable` when one was sealed under a key the ring does not hold.
 */
export function resealGraphSecrets(graph: WorkflowGraph, ring: KeyRing): { graph: WorkflowGraph; changed: boolean; unreadable: boolean } {
  let changed = false;
  let unreadable = false;
  const next = mapGraphSecrets(graph, null, () => (text) => {
    if (!isSealed(text) || !isStale(text.slice(SEALED.length), ring)) return text;
    try {
      changed = true;
      return SEALED + reencrypt(text.slice(SEALED.length), ring);
    } catch {
      unreadable = true;
      return text;
    }
  });
  return { graph: next, changed, unreadable };
}

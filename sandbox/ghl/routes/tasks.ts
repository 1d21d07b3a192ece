import { createTask, deleteTask, updateTask } from "../activity-service";
import { apiRoute, notFound, type ApiCall } from "../api";
import type { Router } from "../router";
import type { TaskRecord } from "../types";

export function taskView(t: TaskRecord) {
  return {
    id: t.id,
    title: t.title,
    body: t.body,
    ...(t.assignedTo ? { assignedTo: t.assignedTo } : {}),
    dueDate: t.dueDate,
    completed: t.completed,
    contactId: t.contactId,
  };
}

function loadTask({ sb, ctx, contact }: ApiCall): TaskRecord {
  const t = sb.store.data.tasks[ctx.params.taskId];
  if (!t || t.contactId !== contact.id) throw notFound(sb, "Task", ctx.params.taskId);
  return t;
}

export function taskRoutes(r: Router) {
  r.add("GET", "/contacts/:contactId/tasks", apiRoute("get-all-tasks", ({ sb, contact }) => ({
    body: {
      tasks: Object.values(sb.store.data.tasks)
        .filter((t) => t.contactId === contact.id)
        .sort((a, b) => a.dateAdded.localeCompare(b.dateAdded))
        .map(taskView),
    },
  })));

  r.add("POST", "/contacts/:contactId/tasks", apiRoute("create-task", ({ sb, contact, body }) => ({
    body: { task: taskView(createTask(sb, contact, body)) },
  })));

  r.add("GET", "/contacts/:contactId/tasks/:taskId", apiRoute("get-task", (call) => ({ body: { task: taskView(loadTask(call)) } })));

  r.add("PUT", "/contacts/:contactId/tasks/:taskId", apiRoute("update-task", (call) => ({
    body: { task: taskView(updateTask(call.sb, loadTask(call), call.body)) },
  })));

  r.add("PUT", "/contacts/:contactId/tasks/:taskId/completed", apiRoute("update-task-completed", (call) => ({
    body: { task: taskView(updateTask(call.sb, loadTask(call), { completed: call.body.completed })) },
  })));

  r.add("DELETE", "/contacts/:contactId/tasks/:taskId", apiRoute("delete-task", (call) => {
    deleteTask(call.sb, loadTask(call));
    return { body: { succeded: true } };
  }));
}

// Preloaded into every child of `npm start` (node --import): if the supervisor dies without
// stopping us (SIGKILL), exit too instead of lingering as an orphan holding ports.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
}, 1000).unref();

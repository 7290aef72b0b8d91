// Preloaded (node --require) into both servers by collab.bench.ts. Answers 'mem' on the IPC
// channel with process.memoryUsage() after a full garbage collection (node --expose-gc), so the
// benchmark reads heap and RSS the same way from Mesa and from the reference server without
// touching either one's code. Does nothing when the process has no IPC channel.
'use strict';
if (typeof process.send === 'function') {
  process.on('message', (message) => {
    if (message !== 'mem') return;
    if (typeof globalThis.gc === 'function') {
      globalThis.gc();
      globalThis.gc();
    }
    process.send({ mem: process.memoryUsage() });
  });
  // The IPC channel must not keep a server alive that wants to exit.
  if (process.channel && typeof process.channel.unref === 'function') process.channel.unref();
}

// A classic worker script for bot-check.test.ts: says where it runs, once started.
postMessage(`ready in ${self.location.protocol}`);

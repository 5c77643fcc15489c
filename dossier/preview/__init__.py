"""The live preview: `serve`, its HTTP server, the live site and the file watcher."""

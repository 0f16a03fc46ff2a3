#!/bin/sh
# A command hook: appends one line per call to the file named by its first argument.
# The hook's data is in the environment (CIRCUS_HOOK, CIRCUS_WATCHER, CIRCUS_PID, ...) and,
# as one JSON object, on standard input.
payload=$(cat)
echo "$CIRCUS_WATCHER $CIRCUS_HOOK pid=${CIRCUS_PID:-none} $payload" >> "$1"
# Output goes to the daemon log, under the hook's name.
echo "recorded $CIRCUS_HOOK of $CIRCUS_WATCHER"
# Exit status 0 lets the action go on; anything else is a failure (the action is aborted
# unless the hook is configured with ", true").
exit 0

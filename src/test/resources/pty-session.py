"""Runs a command on a pseudo-terminal, as a person at a terminal would: waits for a prompt, types an answer, and
prints everything the terminal showed. Usage: pty-session.py PROMPT ANSWER COMMAND [ARG...]"""
import os
import pty
import select
import sys

prompt, answer, command = sys.argv[1].encode(), sys.argv[2].encode(), sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)
shown = b""
answered = False
while True:
    ready, _, _ = select.select([fd], [], [], 120)
    if not ready:
        break
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    shown += chunk
    if not answered and prompt in shown:
        os.write(fd, answer + b"\r")
        answered = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(shown.decode("utf-8", "replace"))
sys.exit(os.waitstatus_to_exitcode(status))

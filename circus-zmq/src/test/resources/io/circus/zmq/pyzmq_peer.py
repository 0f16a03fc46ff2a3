"""A pyzmq (libzmq) peer driven line by line over stdin/stdout by PyzmqInteropTest.

Commands, one per line; every answer is one line:
  req <b64>[,<b64>...]   send these frames on a DEALER; answer the reply frames, or "timeout"
  sub <b64-topic>        open a SUB subscribed to the topic; answer "ok"
  recv                   next SUB message; answer its frames, or "timeout"
  quit
Frames travel base64-encoded so that any bytes (invalid UTF-8, empty frames) pass unchanged.
"""
import base64
import sys
import uuid

import zmq

control, pubsub = sys.argv[1], sys.argv[2]
ctx = zmq.Context()
dealer = ctx.socket(zmq.DEALER)
dealer.setsockopt(zmq.IDENTITY, uuid.uuid4().hex.encode())
dealer.linger = 0
dealer.rcvtimeo = 20000
dealer.connect(control)
sub = None


def answer(frames):
    print(",".join(base64.b64encode(f).decode() for f in frames), flush=True)


for line in sys.stdin:
    cmd, _, arg = line.strip().partition(" ")
    try:
        if cmd == "req":
            dealer.send_multipart([base64.b64decode(x) for x in arg.split(",")])
            answer(dealer.recv_multipart())
        elif cmd == "sub":
            sub = ctx.socket(zmq.SUB)
            sub.linger = 0
            sub.rcvtimeo = 20000
            sub.setsockopt(zmq.SUBSCRIBE, base64.b64decode(arg))
            sub.connect(pubsub)
            print("ok", flush=True)
        elif cmd == "recv":
            answer(sub.recv_multipart())
        elif cmd == "quit":
            break
    except zmq.Again:
        print("timeout", flush=True)
ctx.destroy(linger=0)

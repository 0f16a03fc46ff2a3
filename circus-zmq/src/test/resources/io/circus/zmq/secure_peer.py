# One pyzmq client for the security tests: "req" sends a list command and prints the reply,
# "sub" subscribes to every topic and prints the first event; either prints TIMEOUT when nothing
# comes in time. With two more arguments it is a CURVE client: its secret certificate and the
# server's public one, read with zmq.auth.load_certificate (the zcert files circusctl keygen writes).
import json
import sys

import zmq
import zmq.auth

mode, endpoint, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
ctx = zmq.Context()
sock = ctx.socket(zmq.DEALER if mode == "req" else zmq.SUB)
sock.linger = 0
if mode == "sub":
    sock.setsockopt(zmq.SUBSCRIBE, b"")
if len(sys.argv) > 5:
    public, secret = zmq.auth.load_certificate(sys.argv[4])
    server, _ = zmq.auth.load_certificate(sys.argv[5])
    sock.curve_publickey, sock.curve_secretkey, sock.curve_serverkey = public, secret, server
sock.connect(endpoint)
if mode == "req":
    sock.send(json.dumps({"id": "py", "command": "list", "properties": {}}).encode())
if sock.poll(int(timeout * 1000)):
    print("GOT " + sock.recv_multipart()[-1].decode(), flush=True)
else:
    print("TIMEOUT", flush=True)
sock.close()
ctx.term()

package hook

import (
	"io"
	"log/slog"
	"net"
)

func newLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewJSONHandler(w, nil)) }

func listen() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }

# msglint in a container: docker build -t msglint . then
#   docker run --rm -v "$PWD:/work" msglint check replies/
# The binary is static (CGO_ENABLED=0), so the image is distroless/static:
# no shell, no package manager, a non-root user.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=devel
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.buildVersion=${VERSION}" -o /out/msglint ./cmd/msglint

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/msglint /usr/local/bin/msglint
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/msglint"]
CMD ["check", "."]

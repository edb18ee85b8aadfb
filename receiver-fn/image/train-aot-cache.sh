#!/usr/bin/env bash
# A training run for the JVM's AOT cache (JDK 25): start receiver-fn with the image's JVM options,
# send it signed deliveries, stop it; the JVM writes the cache of what it loaded, linked and
# profiled at exit. Its API server is a stand-in (TrainingApiServer) that answers over TLS as the
# real one does, so the training takes the path of a real first delivery: certificate check,
# TLS handshake, status read, a committed PATCH answered 200, an Event created.
#   train-aot-cache.sh APP_DIR CACHE_FILE TRAINING_CLASSES_DIR JVM_OPTIONS_FILE
# JAVA (default: java on the PATH) picks the JVM; FUNCTION_PORT, METRICS_PORT and API_PORT the loopback ports.
set -euo pipefail
app=$1 cache=$2 training=$3 options=$4
java=${JAVA:-$(command -v java)}
keytool=$(dirname "$java")/keytool
port=${FUNCTION_PORT:-18080} metrics_port=${METRICS_PORT:-9090} api_port=${API_PORT:-18443}
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT

await_port() {
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on port $1 after 30 s" >&2
  return 1
}

# Not secrets: this key, this token and these credentials exist only for this training run.
"$keytool" -genkeypair -alias training -keyalg RSA -keysize 2048 -validity 2 -dname CN=127.0.0.1 \
  -ext san=ip:127.0.0.1 -storetype PKCS12 -keystore "$work/tls.p12" -storepass training -keypass training 2>/dev/null
"$keytool" -exportcert -rfc -alias training -keystore "$work/tls.p12" -storepass training >"$work/ca.pem"
"$java" -cp "$training" TrainingApiServer "$api_port" "$work/tls.p12" training training training &
pids+=($!)
await_port "$api_port"

token=hookrelay-image-training-token-not-a-secret
printf %s "$token" >"$work/token"
cat >"$work/kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters: [{name: training, cluster: {server: "https://127.0.0.1:$api_port", certificate-authority-data: "$(base64 -w0 "$work/ca.pem")"}}]
users: [{name: training, user: {token: training}}]
contexts: [{name: training, context: {cluster: training, user: training}}]
current-context: training
KUBECONFIG
export HOOKRELAY_RECEIVER_NAME=training HOOKRELAY_RECEIVER_NAMESPACE=training HOOKRELAY_RECEIVER_TYPE=github
export HOOKRELAY_TOKEN_FILE="$work/token" HOOKRELAY_KUBECONFIG="$work/kubeconfig" MICRONAUT_SERVER_PORT=$port
export HOOKRELAY_METRICS_PORT=$metrics_port

"$java" @"$options" -XX:AOTCacheOutput="$cache" -jar "$app/hookrelay-receiver-fn.jar" &
function_pid=$!
await_port "$port"

path=/hook/$(printf %s "${token}training""training" | sha256sum | cut -d' ' -f1)
body='{"ref":"refs/heads/main","after":"0123456789abcdef0123456789abcdef01234567","repository":{"full_name":"hookrelay/training"},"sender":{"login":"hookrelay"}}'
# printf %s "$body" | openssl dgst -sha256 -hmac "$token"
signature=sha256=a4bde99330d2e6e8ba7a92771c2df987ab04fb56447cb27c33de2da517989782
request() {
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-GitHub-Event: push\r\nX-GitHub-Delivery: training-%s\r\nX-Hub-Signature-256: %s\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' \
    "$1" "$2" "$3" "$4" "${#body}" "$body" >&3
  head -c 12 <&3; echo
  exec 3>&-
}
request GET /health 0 "$signature"
for i in $(seq 1 20); do request POST "$path" "$i" "$signature"; done
request POST "$path" 1 "$signature"
request POST "$path" 21 sha256=0000000000000000000000000000000000000000000000000000000000000000
request POST /hook/elsewhere 22 "$signature"
# Past the Event interval (1 s), so the Event of the last deliveries is created before the stop.
sleep 1.5
kill -TERM $function_pid
wait $function_pid || true
test -s "$cache"

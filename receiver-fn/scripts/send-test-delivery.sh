#!/usr/bin/env bash
# Sends one test delivery to a Receiver, signed the way its provider signs (like `flux trigger
# receiver`, without the provider at hand). Prints the function's answer; a 200 "recorded" shows up
# in `kubectl get receivers` and pokes the Receiver's targets.
#
#   send-test-delivery.sh RECEIVER [NAMESPACE]            type, URL and token read with kubectl
#   send-test-delivery.sh --type TYPE --url URL --token TOKEN
#
# BODY=... sends that body instead of the sample (for example to try spec.filter); EVENT=... sends
# that event type where the provider names it in a header.
set -euo pipefail

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

type="" url="" token=""
if [[ "${1:-}" == --* ]]; then
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --type) type="$2"; shift 2 ;;
      --url) url="$2"; shift 2 ;;
      --token) token="$2"; shift 2 ;;
      *) usage ;;
    esac
  done
else
  [[ $# -ge 1 ]] || usage
  receiver="$1" namespace="${2:-$(kubectl config view --minify -o jsonpath='{..namespace}')}"
  namespace="${namespace:-default}"
  type=$(kubectl -n "$namespace" get receiver "$receiver" -o jsonpath='{.spec.type}')
  secret=$(kubectl -n "$namespace" get receiver "$receiver" -o jsonpath='{.status.secretName}')
  token=$(kubectl -n "$namespace" get secret "$secret" -o jsonpath='{.data.token}' | base64 -d)
  # providers that cannot sign keep their URL (the credential) in the Secret
  url=$(kubectl -n "$namespace" get secret "$secret" -o jsonpath='{.data.url}' | base64 -d)
  [[ -n "$url" ]] || url=$(kubectl -n "$namespace" get receiver "$receiver" -o jsonpath='{.status.url}')
fi
[[ -n "$type" && -n "$url" && -n "$token" ]] || usage

id="hookrelay-test-$(date +%s%N)"
hmac() { printf %s "$body" | openssl dgst "-$1" -hmac "$token" | sed 's/^.* //'; }
git_body='{"ref":"refs/heads/main","after":"0000000000000000000000000000000000000001","repository":{"full_name":"hookrelay/test"},"sender":{"login":"hookrelay"}}'
headers=(-H 'Content-Type: application/json')

event="${EVENT:-}"
case "$type" in
  github)
    sample="$git_body"
    headers+=(-H "X-GitHub-Event: ${event:-push}" -H "X-GitHub-Delivery: $id") ;;
  gitea|forgejo|gogs)
    product="$(tr '[:lower:]' '[:upper:]' <<< "${type:0:1}")${type:1}"
    sample="$git_body"
    headers+=(-H "X-$product-Event: ${event:-push}" -H "X-$product-Delivery: $id") ;;
  gitlab)
    sample='{"object_kind":"push","ref":"refs/heads/main","checkout_sha":"0000000000000000000000000000000000000001","project":{"path_with_namespace":"hookrelay/test"},"user_username":"hookrelay"}'
    headers+=(-H "X-Gitlab-Event: ${event:-Push Hook}" -H "X-Gitlab-Event-UUID: $id" -H "X-Gitlab-Token: $token") ;;
  bitbucket)
    sample='{"repository":{"full_name":"hookrelay/test"},"actor":{"nickname":"hookrelay"},"push":{"changes":[]}}'
    headers+=(-H "X-Event-Key: ${event:-repo:push}" -H "X-Request-UUID: $id") ;;
  bitbucket-server)
    sample='{"repository":{"slug":"test","project":{"key":"HOOK"}},"changes":[]}'
    headers+=(-H "X-Event-Key: ${event:-repo:refs_changed}" -H "X-Request-Id: $id") ;;
  azure-devops)
    sample=$(printf '{"id":"%s","eventType":"%s","resource":{}}' "$id" "${event:-git.push}")
    headers+=(-H "Authorization: Basic $(printf 'hookrelay:%s' "$token" | base64 | tr -d '\n')") ;;
  harbor)
    sample=$(printf '{"type":"%s","operator":"hookrelay","event_data":{"resources":[{"tag":"v1.0.0","resource_url":"harbor.example.com/hookrelay/test:v1.0.0"}],"repository":{"repo_full_name":"hookrelay/test"}}}' "${event:-PUSH_ARTIFACT}")
    headers+=(-H "Authorization: $token") ;;
  nexus)
    sample='{"repositoryName":"test","action":"CREATED","component":{"name":"hookrelay/test","version":"1.0.0"}}'
    headers+=(-H "X-Nexus-Webhook-Id: ${event:-rm:repository:component}" -H "X-Nexus-Webhook-Delivery: $id") ;;
  dockerhub)
    sample='{"push_data":{"tag":"latest","pusher":"hookrelay"},"repository":{"repo_name":"hookrelay/test"}}' ;;
  quay)
    sample='{"repository":"hookrelay/test","docker_url":"quay.io/hookrelay/test","updated_tags":["latest"]}' ;;
  acr)
    sample=$(printf '{"id":"%s","action":"%s","target":{"repository":"test","tag":"v1"}}' "$id" "${event:-push}") ;;
  generic)
    sample='{"test":true}'
    headers+=(-H "Authorization: Bearer $token" -H "X-Request-Id: $id") ;;
  generic-hmac)
    sample='{"test":true}' ;;
  cdevents)
    sample=$(printf '{"context":{"id":"%s","source":"hookrelay/test","type":"dev.cdevents.change.merged.0.2.0"},"subject":{"id":"1","content":{"repository":{"id":"hookrelay/test"}}}}' "$id")
    headers+=(-H 'ce-specversion: 1.0' -H "ce-id: $id" -H 'ce-source: hookrelay/test' -H "ce-type: ${event:-dev.cdevents.change.merged.0.2.0}") ;;
  *) echo "unknown Receiver type '$type'" >&2; exit 2 ;;
esac
body="${BODY:-$sample}"
# the signatures are over the body actually sent
case "$type" in
  github) headers+=(-H "X-Hub-Signature-256: sha256=$(hmac sha256)") ;;
  gitea|forgejo|gogs) headers+=(-H "X-$product-Signature: $(hmac sha256)") ;;
  bitbucket|bitbucket-server) headers+=(-H "X-Hub-Signature: sha256=$(hmac sha256)") ;;
  nexus) headers+=(-H "X-Nexus-Webhook-Signature: $(hmac sha1)") ;;
  generic-hmac|cdevents) headers+=(-H "X-Signature: sha256=$(hmac sha256)") ;;
esac

curl -sS -X POST "$url" "${headers[@]}" --data-binary "$body" -w '\n'

# Scatter on Kubernetes: build the images, load them into the cluster, deploy, try, tear down.
# Walkthrough for a Raspberry Pi cluster: docs/deploy-raspberry-pi.md. 'make -n TARGET' prints the commands.
#
#   make images import deploy status demo              K3s on Raspberry Pis (NODES= the Pis' host names)
#   make cluster keda images import deploy demo OVERLAY=kind PLATFORM=linux/amd64    a local kind cluster
#
# k3d instead of kind: 'k3d cluster create scatter --agents 2' for 'make cluster', 'k3d image import scatter/api:0.1.0
# scatter/worker:0.1.0 -c scatter' for 'make import', then 'make deploy OVERLAY=k3s-raspberry-pi' (k3d runs K3s, with
# Traefik and the local-path storage class, like the Pis).

SHELL := /bin/bash

VERSION ?= 0.1.0
API_IMAGE ?= scatter/api:$(VERSION)
WORKER_IMAGE ?= scatter/worker:$(VERSION)
# One platform, loaded into the local Docker (--load); for both at once ('linux/arm64,linux/amd64') Docker can only
# push: BUILDX_OUTPUT=--push with API_IMAGE/WORKER_IMAGE naming a registry.
PLATFORM ?= linux/arm64
BUILDX_OUTPUT ?= --load

# k3s-raspberry-pi or kind (deploy/k8s/overlays/).
OVERLAY ?= k3s-raspberry-pi
CLUSTER ?= scatter
NAMESPACE ?= scatter
# The K3s nodes 'make import' copies the images to over SSH (SSH_USER needs sudo there).
NODES ?= pi-1 pi-2 pi-3
SSH_USER ?= pi
IMAGES_TAR ?= target/images/scatter-images-$(VERSION).tar
KEDA_VERSION ?= 2.16.1

# What 'make deploy' waits for once RabbitMQ's users exist, in start order.
APPS ?= deployment/jaeger deployment/scatter-api deployment/scatter-worker
ROLLOUT_TIMEOUT ?= 10m

# 'make demo': through a port-forward to the API service, or through the Ingress with API_URL=http://scatter.local.
API_URL ?=
DEMO_PORT ?= 18080
DEMO_TO ?= 1000000000
DEMO_EXPECTED ?= 50847534
demo_url = $(if $(API_URL),$(API_URL),http://127.0.0.1:$(DEMO_PORT))

define newline


endef

.PHONY: help cluster keda images import secrets rabbitmq-users deploy status demo teardown

help:
	@sed -n '1,9p' Makefile

cluster:
	kind create cluster --name $(CLUSTER)

keda:
	kubectl apply --server-side -f https://github.com/kedacore/keda/releases/download/v$(KEDA_VERSION)/keda-$(KEDA_VERSION).yaml
	kubectl -n keda rollout status deployment/keda-operator --timeout=$(ROLLOUT_TIMEOUT)

images:
	docker buildx build --platform $(PLATFORM) $(BUILDX_OUTPUT) -f deploy/docker/api.Dockerfile -t $(API_IMAGE) .
	docker buildx build --platform $(PLATFORM) $(BUILDX_OUTPUT) -f deploy/docker/worker.Dockerfile -t $(WORKER_IMAGE) .

import:
ifeq ($(OVERLAY),kind)
	kind load docker-image $(API_IMAGE) $(WORKER_IMAGE) --name $(CLUSTER)
else
	mkdir -p $(dir $(IMAGES_TAR))
	docker save -o $(IMAGES_TAR) $(API_IMAGE) $(WORKER_IMAGE)
	$(foreach node,$(NODES),scp $(IMAGES_TAR) $(SSH_USER)@$(node):/tmp/scatter-images.tar$(newline)ssh $(SSH_USER)@$(node) sudo k3s ctr images import /tmp/scatter-images.tar$(newline)ssh $(SSH_USER)@$(node) rm -f /tmp/scatter-images.tar$(newline))
endif

# Random passwords, made once: a file that exists is kept (delete it to make a new one; a database or broker that
# already stored the old password keeps it).
# The git-ignored Secret sources of deploy/k8s/base (random passwords, the Erlang cookie), written once.
secrets:
	$(MAKE) -C deploy/k8s secrets

# The API's and the workers' RabbitMQ users with least privilege (deploy/rabbitmq/least-privilege.sh), run inside
# rabbitmq-0; the passwords, from the generated secrets, travel on stdin, never on a command line.
rabbitmq-users:
	{ printf 'export SCATTER_VHOST=scatter SCATTER_API_USER=scatter-api SCATTER_WORKER_USER=scatter-worker\n'; \
	  sed -n 's|^SCATTER_RABBITMQ_URI=amqp://scatter-api:\([^@]*\)@.*|export SCATTER_API_PASSWORD=\1|p' deploy/k8s/base/secrets/api.env; \
	  sed -n 's|^SCATTER_RABBITMQ_URI=amqp://scatter-worker:\([^@]*\)@.*|export SCATTER_WORKER_PASSWORD=\1|p' deploy/k8s/base/secrets/worker.env; \
	  cat deploy/rabbitmq/least-privilege.sh; } | kubectl -n $(NAMESPACE) exec -i rabbitmq-0 -- bash -s

deploy: secrets
	kubectl apply -k deploy/k8s/overlays/$(OVERLAY)
	kubectl -n $(NAMESPACE) rollout status statefulset/postgres --timeout=$(ROLLOUT_TIMEOUT)
	kubectl -n $(NAMESPACE) rollout status statefulset/rabbitmq --timeout=$(ROLLOUT_TIMEOUT)
	$(MAKE) rabbitmq-users
	$(foreach app,$(APPS),kubectl -n $(NAMESPACE) rollout status $(app) --timeout=$(ROLLOUT_TIMEOUT)$(newline))

status:
	kubectl get pods,svc,scaledobject,hpa -n $(NAMESPACE) -o wide

# Counts the primes up to DEMO_TO (10^9: 50847534) on the cluster and fails unless the count is the expected one.
demo:
	set -euo pipefail; \
	$(if $(API_URL),,kubectl -n $(NAMESPACE) port-forward svc/scatter-api $(DEMO_PORT):8080 >/dev/null & forward=$$!; trap 'kill $$forward' EXIT;) \
	for try in $$(seq 60); do curl -fs -o /dev/null $(demo_url)/actuator/health/liveness && break; sleep 1; done; \
	key="$$(kubectl -n $(NAMESPACE) exec deploy/scatter-api -- java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx64m -jar /app/scatter-api-exec.jar keys create --name demo-$$(date +%s))"; \
	job="$$(curl -fsS -X POST $(demo_url)/api/v1/jobs -H "Authorization: Bearer $$key" -H 'Content-Type: application/json' -d '{"type":"prime-count","input":{"from":0,"to":$(DEMO_TO)}}' | grep -o '"id": *"[^"]*"' | head -n 1 | cut -d '"' -f 4)"; \
	echo "job $$job: prime-count [0, $(DEMO_TO)]"; \
	for try in $$(seq 600); do \
	  body="$$(curl -fsS $(demo_url)/api/v1/jobs/$$job -H "Authorization: Bearer $$key" || true)"; \
	  status="$$(grep -o '"status": *"[^"]*"' <<<"$$body" | head -n 1 | cut -d '"' -f 4 || true)"; \
	  echo "$$status $$(grep -o '"percent": *[0-9]*' <<<"$$body" | tr -dc 0-9 || true)%"; \
	  case "$$status" in SUCCEEDED|FAILED|CANCELLED) break ;; esac; \
	  sleep 2; \
	done; \
	count="$$(grep -o '"count": *[0-9]*' <<<"$$body" | tr -dc 0-9 || true)"; \
	echo "count: $$count (expected $(DEMO_EXPECTED))"; \
	test "$$count" = "$(DEMO_EXPECTED)"

teardown:
	kubectl delete -k deploy/k8s/overlays/$(OVERLAY) --ignore-not-found
ifeq ($(OVERLAY),kind)
	kind delete cluster --name $(CLUSTER)
endif

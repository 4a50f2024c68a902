#!/usr/bin/env bash
# Creates the RabbitMQ users of a Scatter deployment with the least permissions each component needs
# (docs/security.md#least-privilege). Passwords come from the environment and go to rabbitmqctl on stdin, never on a
# command line:
#   SCATTER_VHOST=scatter SCATTER_API_USER=scatter-api SCATTER_API_PASSWORD=... \
#   SCATTER_WORKER_USER=scatter-worker SCATTER_WORKER_PASSWORD=... deploy/rabbitmq/least-privilege.sh
# Run it as a RabbitMQ administrator (rabbitmqctl on the broker's host). The API declares the topology; start it before
# the workers, which may not declare it.
set -euo pipefail

vhost="${SCATTER_VHOST:?set SCATTER_VHOST}"
api_user="${SCATTER_API_USER:?set SCATTER_API_USER}"
worker_user="${SCATTER_WORKER_USER:?set SCATTER_WORKER_USER}"
: "${SCATTER_API_PASSWORD:?set SCATTER_API_PASSWORD}" "${SCATTER_WORKER_PASSWORD:?set SCATTER_WORKER_PASSWORD}"

# the API declares every exchange and queue, publishes tasks, cancellations and retried tasks, consumes results,
# dead letters and heartbeats (on a server-named amq.gen-* queue of its own)
api_configure='^(scatter\..*|amq\.gen-.*)$'
api_write='^(scatter\..*|amq\.gen-.*)$'
api_read='^(scatter\..*|amq\.gen-.*)$'
# a worker consumes tasks and cancellations, publishes results, heartbeats and the dead-letter copies of the tasks it
# rejects; it declares only its own server-named queue for cancellations
worker_configure='^amq\.gen-.*$'
worker_write='^(scatter\.results|scatter\.heartbeats|scatter\.dead-letter|amq\.gen-.*)$'
worker_read='^(scatter\.tasks|scatter\.control|amq\.gen-.*)$'

rabbitmqctl -q list_vhosts name | grep -qx -- "$vhost" || rabbitmqctl -q add_vhost "$vhost"
for user in "$api_user" "$worker_user"; do
  if rabbitmqctl -q list_users | cut -f1 | grep -qx -- "$user"; then
    echo "user $user exists; its password and permissions are set again" >&2
  else
    printf '%s' "changeme-$RANDOM$RANDOM" | rabbitmqctl -q add_user "$user" >/dev/null
  fi
done
printf '%s' "$SCATTER_API_PASSWORD" | rabbitmqctl -q change_password "$api_user" >/dev/null
printf '%s' "$SCATTER_WORKER_PASSWORD" | rabbitmqctl -q change_password "$worker_user" >/dev/null
rabbitmqctl -q set_permissions -p "$vhost" "$api_user" "$api_configure" "$api_write" "$api_read"
rabbitmqctl -q set_permissions -p "$vhost" "$worker_user" "$worker_configure" "$worker_write" "$worker_read"
echo "users $api_user (API) and $worker_user (workers) may use virtual host $vhost" >&2

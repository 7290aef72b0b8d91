#!/usr/bin/env bash
# Makes sure the services the test suites need are there: PostgreSQL on 127.0.0.1:5432,
# Redis on 127.0.0.1:6379, and Debian's Chromium for the browser tests. Starts what is
# installed but stopped, installs what is missing when it may (root with apt), and otherwise
# fails with the command that fixes it — it never lets a suite skip quietly.
set -uo pipefail

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }
apt_install() { (apt-get update -qq || true) >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }

pg_up() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }

if ! pg_up; then
  if ! command -v pg_ctlcluster >/dev/null && can_apt; then echo "mesa: installing PostgreSQL"; apt_install postgresql; fi
  if command -v pg_ctlcluster >/dev/null; then
    version=$(ls /etc/postgresql | sort -n | tail -1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do pg_up && break; sleep 0.5; done
  fi
  pg_up || { echo "mesa: PostgreSQL is not reachable on 127.0.0.1:5432; install and start it: apt-get install postgresql && pg_ctlcluster --skip-systemctl-redirect 15 main start" >&2; exit 1; }
  # A fresh Debian cluster trusts only local sockets for the postgres role; the tests connect over TCP.
  su postgres -c "psql -Atc \"select 1 from pg_database where datname='test'\"" 2>/dev/null | grep -q 1 || su postgres -c "createdb test" 2>/dev/null || true
fi

if ! redis_up; then
  if ! command -v redis-server >/dev/null && can_apt; then echo "mesa: installing Redis"; apt_install redis-server; fi
  command -v redis-server >/dev/null && redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null 2>&1
  for _ in $(seq 1 20); do redis_up && break; sleep 0.25; done
  redis_up || { echo "mesa: Redis is not reachable on 127.0.0.1:6379; install and start it: apt-get install redis-server && redis-server --daemonize yes --port 6379" >&2; exit 1; }
fi

if [ ! -x /usr/bin/chromium ]; then
  if can_apt; then echo "mesa: installing Debian's chromium for the browser tests"; apt_install chromium; fi
  [ -x /usr/bin/chromium ] || { echo "mesa: /usr/bin/chromium is missing; install it: apt-get install chromium" >&2; exit 1; }
fi
exit 0

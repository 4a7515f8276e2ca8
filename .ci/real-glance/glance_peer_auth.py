"""Paste filter for a Keystone-less test Glance: stands in for keystonemiddleware's authtoken.

Glance's stock no-auth pipeline gives every request a context with project None, which
breaks tasks and interoperable import (tasks.owner is NOT NULL).  This filter instead sets
the identity headers keystonemiddleware would set (confirmed identity, project, user, roles),
after which Glance's own ContextMiddleware builds a normal request context.

Options (paste [filter:...] section):
  token       if non-empty, every request must carry this X-Auth-Token, otherwise it gets a
              Keystone-shaped 401 JSON error
  project_id  default project (a request may override it with X-Project-Id)
  user_id     default user (override: X-User-Id)
  roles       default roles, comma separated (override: X-Roles)

For test use only.
"""
import json

_IDENTITY = ('X_IDENTITY_STATUS', 'X_SERVICE_IDENTITY_STATUS', 'X_DOMAIN_ID',
             'X_DOMAIN_NAME', 'X_PROJECT_ID', 'X_PROJECT_NAME',
             'X_PROJECT_DOMAIN_ID', 'X_PROJECT_DOMAIN_NAME', 'X_USER_ID',
             'X_USER_NAME', 'X_USER_DOMAIN_ID', 'X_USER_DOMAIN_NAME',
             'X_ROLES', 'X_ROLE', 'X_SERVICE_CATALOG', 'X_TENANT_ID',
             'X_TENANT_NAME', 'X_TENANT', 'X_USER', 'X_SYSTEM_SCOPE',
             'X_IS_ADMIN_PROJECT')


class PeerAuth(object):
    def __init__(self, app, conf):
        self.app = app
        self.token = conf.get('token', '')
        self.project = conf.get('project_id', 'peer-project')
        self.user = conf.get('user_id', 'peer-user')
        self.roles = conf.get('roles', 'admin,member,reader')

    def __call__(self, environ, start_response):
        if self.token and environ.get('HTTP_X_AUTH_TOKEN') != self.token:
            body = json.dumps({"error": {
                "code": 401, "title": "Unauthorized",
                "message": "The request you have made requires "
                           "authentication."}}).encode()
            start_response('401 Unauthorized', [
                ('Content-Type', 'application/json'),
                ('Content-Length', str(len(body))),
                ('WWW-Authenticate', 'Keystone uri="http://127.0.0.1:5000"')])
            return [body]
        project = environ.get('HTTP_X_PROJECT_ID') or self.project
        user = environ.get('HTTP_X_USER_ID') or self.user
        roles = environ.get('HTTP_X_ROLES') or self.roles
        for h in _IDENTITY:
            environ.pop('HTTP_' + h, None)
        environ['HTTP_X_IDENTITY_STATUS'] = 'Confirmed'
        environ['HTTP_X_PROJECT_ID'] = project
        environ['HTTP_X_USER_ID'] = user
        environ['HTTP_X_ROLES'] = roles
        return self.app(environ, start_response)


def filter_factory(global_conf, **local_conf):
    conf = dict(global_conf)
    conf.update(local_conf)
    return lambda app: PeerAuth(app, conf)

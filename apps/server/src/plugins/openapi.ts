import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

const NO_CONTENT = { type: 'null', description: 'No content' };

/**
 * Collects every route's zod schemas into an OpenAPI document (served to admins by the docs
 * module). Each operation also carries `x-access`, the guard the route declares, so the
 * document says who may call it. Register before the modules.
 */
export const openapiPlugin = fp<{ publicUrl: string }>(async (app, options) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Mesa API',
        version: '0.1.0',
        description:
          'Errors are always {"error":{"code","message","field?","reasons?"}}. Signed-in routes answer 401 `unauthenticated` without a session; state-changing requests with a foreign Origin get 403 `foreign_origin`.',
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mesa_session' } },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = input.route.config?.access ?? 'undeclared';
      const schema: Record<string, unknown> = { ...out.schema, 'x-access': access };
      // A 204 has no body (RFC 9110); `type: 'null'` makes swagger list no content for it,
      // where OpenAPI 3.0's rendering of z.null() would document a JSON body.
      const response = schema.response as Record<string, unknown> | undefined;
      if (response?.['204']) schema.response = { ...response, 204: NO_CONTENT };
      return { ...out, schema };
    },
  });
});

// Starts Swagger UI on the API's description. A file of its own, not an inline script: the CSP allows
// scripts from the server only.
window.ui = window.SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [window.SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
  validatorUrl: null, // the default asks a validator on the internet about the spec
});

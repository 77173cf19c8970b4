import { Improvado } from '@improvado-sdk/client';

// Agency credentials (HTTP Basic) list the workspaces. Everything inside a workspace needs that
// workspace's token: `bearerAuth: { workspace_id }` has the client request it (POST /api/v3/token,
// with the agency credentials), cache it and renew it.
const agency = new Improvado({
  auth: { basicAuth: { username: 'user', password: 'password' } },
});

// GET /api/v3/workspaces
for await (const workspace of agency.workspaces.list()) {
  const client = agency.withOptions({ auth: { bearerAuth: { workspace_id: workspace.id } } });
  // GET /api/v3/datasources
  for await (const datasource of client.datasources.list()) {
    // GET /api/v3/datasources/{datasource_name}/connections
    for await (const connection of client.datasources.connections.list(datasource.name)) {
      console.log(workspace.title, datasource.name, connection.title, connection.status);
    }
  }
}

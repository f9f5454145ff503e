/**
 * Private custom components and templates live in their owner's namespace (issue 16): another user creating or
 * reading the same id learns nothing about them (no CONFLICT, no difference from an id nobody has). Published ones
 * keep their public id, which is unique among published ones.
 */
import type { TestSupergraph } from '../support/supergraph';
import { callerFor, errorCodes, startSecuredSupergraph, type Caller } from './support';

let sg: TestSupergraph;
let owner: Caller;
let stranger: Caller;
beforeAll(async () => {
  sg = await startSecuredSupergraph();
  owner = await callerFor(sg, 'owner');
  stranger = await callerFor(sg, 'other');
});
afterAll(async () => {
  await sg?.close();
});

const createComponent = (who: Caller, id: string, name: string) =>
  who.gql(`mutation($id: ID!, $n: String!) { createComponent(input: {id: $id, name: $n, category: "custom"}) { id name } }`, { id, n: name });
const createTemplate = (who: Caller, id: string, name: string) =>
  who.gql(`mutation($id: ID!, $n: String!) { createTemplate(input: {id: $id, name: $n, graph: {nodes: [], connections: []}}) { id name } }`, { id, n: name });
const readBoth = (who: Caller, id: string) => who.gql(`query($id: ID!) { component(id: $id) { id name } template(id: $id) { id name } }`, { id });

it('another user probing a private id learns nothing, and gets their own item under the same id', async () => {
  expect((await createComponent(owner, 'acme/secret-plan', 'Owner plan')).data.createComponent).toEqual({ id: 'acme/secret-plan', name: 'Owner plan' });
  expect((await createTemplate(owner, 'acme/secret-plan', 'Owner template')).data.createTemplate).toEqual({ id: 'acme/secret-plan', name: 'Owner template' });

  // Reading: the same answer as for an id nobody has.
  expect((await readBoth(stranger, 'acme/secret-plan')).data).toEqual((await readBoth(stranger, 'acme/nobody-has-this')).data);
  expect((await readBoth(stranger, 'acme/secret-plan')).data).toEqual({ component: null, template: null });

  // Creating: no CONFLICT; the stranger's own item, the owner's untouched.
  expect((await createComponent(stranger, 'acme/secret-plan', 'Stranger plan')).data.createComponent).toEqual({
    id: 'acme/secret-plan',
    name: 'Stranger plan',
  });
  expect((await createTemplate(stranger, 'acme/secret-plan', 'Stranger template')).data.createTemplate).toEqual({
    id: 'acme/secret-plan',
    name: 'Stranger template',
  });
  expect((await readBoth(stranger, 'acme/secret-plan')).data).toEqual({
    component: { id: 'acme/secret-plan', name: 'Stranger plan' },
    template: { id: 'acme/secret-plan', name: 'Stranger template' },
  });
  expect((await readBoth(owner, 'acme/secret-plan')).data).toEqual({
    component: { id: 'acme/secret-plan', name: 'Owner plan' },
    template: { id: 'acme/secret-plan', name: 'Owner template' },
  });

  // Updating or deleting the "other" one is not possible: each acts on their own.
  await stranger.gql(`mutation { deleteComponent(id: "acme/secret-plan") { id } deleteTemplate(id: "acme/secret-plan") { id } }`);
  expect((await readBoth(owner, 'acme/secret-plan')).data.component).toEqual({ id: 'acme/secret-plan', name: 'Owner plan' });
  // The owner's own second create is still a conflict (their namespace).
  expect(errorCodes(await createComponent(owner, 'acme/secret-plan', 'again'))).toEqual(['CONFLICT']);
});

it('publishing keeps the public id, which is unique among published ones; own private items can be used in projects', async () => {
  await createComponent(owner, 'shared/widget', 'Widget');
  await createComponent(stranger, 'shared/widget', 'Copycat');
  const published = await owner.gql(`mutation { publishComponent(id: "shared/widget") { id name published } }`);
  expect(published.data.publishComponent).toEqual({ id: 'shared/widget', name: 'Widget', published: true });
  // The stranger still sees their own private one first; publishing theirs clashes with a public id (public knowledge).
  expect((await readBoth(stranger, 'shared/widget')).data.component.name).toBe('Copycat');
  expect(errorCodes(await stranger.gql(`mutation { publishComponent(id: "shared/widget") { id } }`))).toEqual(['CONFLICT']);
  await stranger.gql(`mutation { deleteComponent(id: "shared/widget") { id } }`);
  expect((await readBoth(stranger, 'shared/widget')).data.component.name).toBe('Widget');
  expect(errorCodes(await createComponent(stranger, 'shared/widget', 'again'))).toEqual(['CONFLICT']);
  // Unpublishing moves it back into the owner's namespace.
  await owner.gql(`mutation { publishComponent(id: "shared/widget", published: false) { id } }`);
  expect((await readBoth(stranger, 'shared/widget')).data.component).toBeNull();
  expect((await readBoth(owner, 'shared/widget')).data.component.name).toBe('Widget');

  const p = (await owner.gql(`mutation { createProject(input: {name: "custom"}) { id } }`)).data.createProject.id;
  const added = await owner.gql(
    `mutation($p: ID!) { addComponent(projectId: $p, componentId: "acme/secret-plan", id: "mine") { project { components { component { id name } } } } }`,
    { p },
  );
  expect(added.errors).toBeUndefined();
  expect(added.data.addComponent.project.components[0].component).toEqual({ id: 'acme/secret-plan', name: 'Owner plan' });
});

/** Every GraphQL document the app sends (typed by the client preset into src/gql/). */
import { graphql } from './gql';

export const ProjectFields = graphql(`
  fragment ProjectFields on Project {
    id
    name
    description
    version
    updatedAt
    templateId
    components {
      id
      componentId
      label
      position { x y }
      config
      pinnedOutput
      # The config schema comes from the catalog (same normalised Component): a 500-node project must not carry it 500 times.
      component { id name category icon color inputs { name type required } outputs { name type } }
    }
    connections { id sourceId sourcePort targetId targetPort }
    validation { ...ValidationFields }
  }
`);

export const ValidationFields = graphql(`
  fragment ValidationFields on ValidationReport {
    valid
    errors { code message nodeId connectionId port field }
    warnings { code message nodeId connectionId port field }
  }
`);

export const ProjectsQuery = graphql(`
  query Projects($first: Int) {
    projects(first: $first) { totalCount nodes { id name description version updatedAt } }
    templates { id name description categories sampleInputs nodes { id componentId config } }
  }
`);

export const ProjectQuery = graphql(`
  query Project($id: ID!) {
    project(id: $id) { ...ProjectFields }
  }
`);

/**
 * What changed since a version, for catching up after a CONFLICT without reloading the project: the change log (its
 * graph edits are replayed onto the cached graph) and the project's own fields as they are now.
 */
export const ProjectChangesSince = graphql(`
  query ProjectChangesSince($id: ID!, $sinceVersion: Int!, $first: Int) {
    project(id: $id) {
      id
      name
      description
      version
      updatedAt
      templateId
      validation { ...ValidationFields }
      changes(sinceVersion: $sinceVersion, first: $first) { version actor op payload }
    }
  }
`);

export const CatalogQuery = graphql(`
  query Catalog {
    categories
    components { id name category description icon color inputs { name type required } outputs { name type } configSchema expressionFields { pointer kind scope } }
  }
`);

export const CreateProject = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { id name version }
  }
`);

export const DeleteProject = graphql(`
  mutation DeleteProject($id: ID!) {
    deleteProject(id: $id) { id deleted }
  }
`);

export const RenameProject = graphql(`
  mutation RenameProject($id: ID!, $name: String!) {
    updateProject(id: $id, input: { name: $name }) { id name version }
  }
`);

export const AddComponent = graphql(`
  mutation AddComponent($projectId: ID!, $componentId: ID!, $position: PositionInput, $expectedVersion: Int) {
    addComponent(projectId: $projectId, componentId: $componentId, position: $position, expectedVersion: $expectedVersion) {
      component { id }
      project { ...ProjectFields }
    }
  }
`);

export const MoveComponent = graphql(`
  mutation MoveComponent($projectId: ID!, $nodeId: ID!, $position: PositionInput!) {
    moveComponent(projectId: $projectId, nodeId: $nodeId, position: $position) { project { ...ProjectFields } }
  }
`);

export const UpdateConfig = graphql(`
  mutation UpdateConfig($projectId: ID!, $nodeId: ID!, $config: JSON, $label: String, $expectedVersion: Int) {
    updateComponentConfig(projectId: $projectId, nodeId: $nodeId, config: $config, label: $label, expectedVersion: $expectedVersion) { project { ...ProjectFields } }
  }
`);

export const ApplyEdits = graphql(`
  mutation ApplyEdits($projectId: ID!, $edits: [GraphEditInput!]!, $expectedVersion: Int) {
    applyGraphEdits(projectId: $projectId, edits: $edits, expectedVersion: $expectedVersion) { project { ...ProjectFields } }
  }
`);

export const RemoveComponent = graphql(`
  mutation RemoveComponent($projectId: ID!, $nodeId: ID!, $expectedVersion: Int) {
    removeComponent(projectId: $projectId, nodeId: $nodeId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }
  }
`);

export const Disconnect = graphql(`
  mutation Disconnect($projectId: ID!, $connectionId: ID!, $expectedVersion: Int) {
    disconnect(projectId: $projectId, connectionId: $connectionId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }
  }
`);

export const Connect = graphql(`
  mutation Connect($projectId: ID!, $sourceId: ID!, $sourcePort: String!, $targetId: ID!, $targetPort: String!, $expectedVersion: Int) {
    connect(projectId: $projectId, sourceId: $sourceId, sourcePort: $sourcePort, targetId: $targetId, targetPort: $targetPort, expectedVersion: $expectedVersion) {
      connection { id }
      project { ...ProjectFields }
    }
  }
`);

export const ProjectChanged = graphql(`
  subscription ProjectChanged($projectId: ID!, $sinceVersion: Int) {
    projectChanged(projectId: $projectId, sinceVersion: $sinceVersion) {
      version
      actor
      op
      replayed
      project { ...ProjectFields }
    }
  }
`);

export const PresenceSub = graphql(`
  subscription Presence($projectId: ID!) {
    presence(projectId: $projectId) { kind entries { userId name selection cursor { x y } updatedAt } }
  }
`);

export const UpdatePresence = graphql(`
  mutation UpdatePresence($projectId: ID!, $selection: [ID!], $cursor: PositionInput) {
    updatePresence(projectId: $projectId, selection: $selection, cursor: $cursor) { userId }
  }
`);

export const ExecuteWorkflow = graphql(`
  mutation ExecuteWorkflow($projectId: ID!, $inputs: JSON, $fromNodeId: ID, $usePinned: Boolean) {
    executeWorkflow(projectId: $projectId, inputs: $inputs, mode: ASYNC, fromNodeId: $fromNodeId, usePinned: $usePinned) { id status }
  }
`);

export const PinNodeOutput = graphql(`
  mutation PinNodeOutput($projectId: ID!, $nodeId: ID!, $output: JSON!, $expectedVersion: Int) {
    pinNodeOutput(projectId: $projectId, nodeId: $nodeId, output: $output, expectedVersion: $expectedVersion) { project { ...ProjectFields } }
  }
`);

export const UnpinNodeOutput = graphql(`
  mutation UnpinNodeOutput($projectId: ID!, $nodeId: ID!, $expectedVersion: Int) {
    unpinNodeOutput(projectId: $projectId, nodeId: $nodeId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }
  }
`);

export const RunEvents = graphql(`
  subscription RunEvents($runId: ID!) {
    runEvents(runId: $runId) {
      type
      nodeId
      frames
      status
      outputs
      error { code message }
      durationMs
      run { id status outputs error { code message } durationMs steps { nodeId frames status inputs outputs error { code message } durationMs } }
    }
  }
`);

export const RunHistory = graphql(`
  query RunHistory($id: ID!) {
    project(id: $id) { id runs(first: 10) { id status createdAt durationMs } }
  }
`);

export const Languages = graphql(`
  query Languages {
    languages { id name fileExtension implemented }
  }
`);

export const GenerateCode = graphql(`
  mutation GenerateCode($projectId: ID!, $language: String!) {
    generateCode(projectId: $projectId, language: $language) { id language mainFile code lines files { path } }
  }
`);

export const StartDebug = graphql(`
  mutation StartDebug($projectId: ID!, $inputs: JSON, $breakpoints: [BreakpointInput!], $watches: [String!]) {
    startDebugSession(projectId: $projectId, inputs: $inputs, breakpoints: $breakpoints, watches: $watches) { ...DebugFields }
  }
`);

export const DebugFields = graphql(`
  fragment DebugFields on DebugSession {
    id
    state
    pauseReason
    currentNodeId
    currentInputs
    outputs
    error { code message }
    callStack { nodeId componentId iteration depth }
    variables { nodeId inputs outputs }
    breakpoints { nodeId condition enabled hitCount }
    watches { id expression value error }
  }
`);

export const AddWatch = graphql(`
  mutation AddWatch($sessionId: ID!, $expression: String!) {
    addWatch(sessionId: $sessionId, expression: $expression) { id expression value error }
  }
`);

export const RemoveWatch = graphql(`
  mutation RemoveWatch($sessionId: ID!, $watchId: ID!) {
    removeWatch(sessionId: $sessionId, watchId: $watchId) { ...DebugFields }
  }
`);

export const SetVariable = graphql(`
  mutation SetVariable($sessionId: ID!, $nodeId: ID!, $port: String!, $value: JSON) {
    setVariable(sessionId: $sessionId, nodeId: $nodeId, port: $port, value: $value) { ...DebugFields }
  }
`);

export const DebugStep = graphql(`
  mutation DebugStep($sessionId: ID!, $action: DebugAction!) {
    debugStep(sessionId: $sessionId, action: $action) { ...DebugFields }
  }
`);

export const SetBreakpoint = graphql(`
  mutation SetBreakpoint($sessionId: ID!, $nodeId: ID!, $condition: String) {
    setBreakpoint(sessionId: $sessionId, nodeId: $nodeId, condition: $condition) { nodeId }
  }
`);

export const RemoveBreakpoint = graphql(`
  mutation RemoveBreakpoint($sessionId: ID!, $nodeId: ID!) {
    removeBreakpoint(sessionId: $sessionId, nodeId: $nodeId) { id }
  }
`);

export const DebugEvents = graphql(`
  subscription DebugEvents($sessionId: ID!) {
    debugEvents(sessionId: $sessionId) { seq type state nodeId reason session { ...DebugFields } }
  }
`);

export const Deploy = graphql(`
  mutation Deploy($projectId: ID!, $target: DeploymentTarget!, $environment: String!) {
    deploy(projectId: $projectId, target: $target, environment: $environment) { id status target environment endpoint }
  }
`);

export const DeploymentEvents = graphql(`
  subscription DeploymentEvents($deploymentId: ID!) {
    deploymentEvents(deploymentId: $deploymentId) { status reason endpoint logs deployment { id status endpoint error } }
  }
`);

export const StopDeployment = graphql(`
  mutation StopDeployment($id: ID!) {
    stopDeployment(id: $id) { id status }
  }
`);

export const AnalyzeProject = graphql(`
  mutation AnalyzeProject($projectId: ID!) {
    analyzeProject(projectId: $projectId) { id title message severity nodeIds patch status }
  }
`);

export const ApplySuggestion = graphql(`
  mutation ApplySuggestion($id: ID!) {
    applySuggestion(id: $id) { suggestion { id status } project { ...ProjectFields } }
  }
`);

export const AskAssistant = graphql(`
  mutation AskAssistant($projectId: ID!, $query: String!) {
    askAssistant(projectId: $projectId, query: $query) { category suggestion }
  }
`);

export const RollbackDeployment = graphql(`
  mutation RollbackDeployment($id: ID!) {
    rollbackDeployment(id: $id) { id status target environment endpoint rollbackOf }
  }
`);

export const ProjectDeployments = graphql(`
  query ProjectDeployments($projectId: ID!) {
    deployments(projectId: $projectId, first: 10) { id status target environment projectVersion rollbackOf createdAt }
  }
`);

export const Undo = graphql(`
  mutation Undo($projectId: ID!, $expectedVersion: Int) {
    undo(projectId: $projectId, expectedVersion: $expectedVersion) { undoneVersion project { ...ProjectFields } }
  }
`);

export const Redo = graphql(`
  mutation Redo($projectId: ID!, $expectedVersion: Int) {
    redo(projectId: $projectId, expectedVersion: $expectedVersion) { undoneVersion project { ...ProjectFields } }
  }
`);

export const DuplicateNodes = graphql(`
  mutation DuplicateNodes($projectId: ID!, $nodeIds: [ID!]!, $expectedVersion: Int) {
    duplicateNodes(projectId: $projectId, nodeIds: $nodeIds, expectedVersion: $expectedVersion) { idMap project { ...ProjectFields } }
  }
`);

export const ExportProject = graphql(`
  query ExportProject($id: ID!) {
    exportProject(id: $id)
  }
`);

export const ImportProject = graphql(`
  mutation ImportProject($document: JSON!, $name: String) {
    importProject(document: $document, name: $name) { id name version }
  }
`);

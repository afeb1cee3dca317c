export { KeptResourcesProvider, KEPT_FORMAT, type KeptResources } from './kept-resources';
export {
  invalidateResource,
  RESOURCE_KEYS,
  useResource,
  type Load,
  type Loaded,
  type ResourceKey,
  type ResourceState,
} from './resource';

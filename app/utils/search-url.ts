/**
 * The search page's URL vocabulary, shared by the loader (parsing) and the page (links):
 * Swedish values for the content types in `typ`.
 */
export type SearchPostType = 'question' | 'project' | 'artifact'

export const TYPE_PARAM_OF: Record<SearchPostType, string> = { question: 'fraga', project: 'projekt', artifact: 'material' }

export const TYPE_OF_PARAM: Record<string, SearchPostType> = { fraga: 'question', projekt: 'project', material: 'artifact' }
